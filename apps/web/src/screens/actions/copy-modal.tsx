import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { EntryDetail } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { FilePicker } from '../../ui/file-picker';
import { useEntryAction } from './use-entry-action';

type CopyType = 'sao-y' | 'sao-luc' | 'trich-sao';

const DONE: Record<CopyType, string> = {
  'sao-y': 'Đã tạo bản sao y.',
  'sao-luc': 'Đã tạo bản sao lục.',
  'trich-sao': 'Đã tạo bản trích sao.',
};

/**
 * Bản sao (Nghị định 30, Điều 25): sao y and sao lục copy the whole document; trích sao copies a
 * part, so the clerk uploads the PDF of that part. The server numbers the copy and seals it.
 */
export function CopyModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ copyType: CopyType; toPlaces?: string }>();
  const copyType = Form.useWatch('copyType', form) ?? 'sao-y';
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const action = useEntryAction();

  const submit = async () => {
    const values = await form.validateFields();
    if (values.copyType === 'trich-sao' && !file) {
      setMissingFile(true);
      return;
    }
    const done = await action.run(
      () =>
        api.copies.create(agencyId, entry.id, {
          copyType: values.copyType,
          toPlaces: values.toPlaces?.trim() || undefined,
          file: values.copyType === 'trich-sao' ? (file ?? undefined) : undefined,
        }),
      DONE[values.copyType],
    );
    if (done) onClose();
  };

  return (
    <Modal
      open
      title="Tạo bản sao văn bản điện tử"
      okText="Tạo bản sao"
      cancelText="Hủy"
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ copyType: 'sao-y' }}>
        <Form.Item label="Hình thức sao" name="copyType">
          <Radio.Group
            options={[
              { value: 'sao-y', label: 'Sao y' },
              { value: 'sao-luc', label: 'Sao lục' },
              { value: 'trich-sao', label: 'Trích sao' },
            ]}
          />
        </Form.Item>
        {copyType === 'trich-sao' && (
          <Form.Item
            label="Tệp PDF phần được trích"
            htmlFor="copy-extract"
            validateStatus={missingFile ? 'error' : undefined}
            help={missingFile ? 'Vui lòng chọn tệp PDF phần trích sao' : undefined}
          >
            <FilePicker
              id="copy-extract"
              accept="application/pdf,.pdf"
              onChange={(files) => {
                setFile(files[0] ?? null);
                setMissingFile(false);
              }}
            />
          </Form.Item>
        )}
        <Form.Item label="Nơi nhận bản sao" name="toPlaces" rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder="Ví dụ: Lưu: VT." />
        </Form.Item>
      </Form>
      {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
    </Modal>
  );
}
