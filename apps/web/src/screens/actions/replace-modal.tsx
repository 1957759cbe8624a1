import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { EntryDetail } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useEntryAction } from './use-entry-action';

/**
 * Thay thế: an issued document is replaced by another issued one (its recipients are told); the
 * clerk finds the replacement among the agency's issued documents by number or subject.
 */
export function ReplaceModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const [q, setQ] = useState('');
  const [form] = Form.useForm<{ replacementEntryId: string; reason: string }>();
  const action = useEntryAction();
  const candidates = useQuery({
    queryKey: ['replacement-candidates', agencyId, q],
    queryFn: () =>
      api.search(agencyId, { direction: 'outgoing', status: ['issued'], q: q || undefined, limit: 50 }),
  });
  const options = (candidates.data?.items ?? [])
    .filter((e) => e.id !== entry.id)
    .map((e) => ({ value: e.id, label: `${e.numberNotation ?? ''} — ${e.subject}` }));

  const submit = async () => {
    const values = await form.validateFields();
    const done = await action.run(
      () =>
        api.issued.replace(agencyId, entry.id, {
          version: entry.version,
          replacementEntryId: values.replacementEntryId,
          reason: values.reason.trim(),
        }),
      'Đã thay thế văn bản.',
    );
    if (done) onClose();
  };

  return (
    <Modal
      open
      title="Thay thế văn bản đã phát hành"
      okText="Thay thế"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label="Văn bản thay thế (đã phát hành)"
          name="replacementEntryId"
          rules={[{ required: true, message: 'Vui lòng chọn văn bản thay thế' }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={options}
            loading={candidates.isFetching}
            placeholder="Tìm theo số, ký hiệu hoặc trích yếu"
            notFoundContent={candidates.isFetching ? 'Đang tìm…' : 'Không có văn bản đã phát hành phù hợp'}
          />
        </Form.Item>
        <Form.Item
          label="Lý do thay thế"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập lý do thay thế' },
            { max: 500 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
      {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
    </Modal>
  );
}
