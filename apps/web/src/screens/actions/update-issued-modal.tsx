import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EntryDetail, Priority } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { PRIORITY_LABELS } from '../../ui/labels';
import { useEntryAction } from './use-entry-action';

interface Values {
  subject: string;
  priority: Priority;
  dueDate?: Dayjs | null;
  toPlaces?: string;
  description?: string;
  reason: string;
}

/**
 * Cập nhật văn bản đã phát hành: the fields the API lets change after issue; only those the clerk
 * changed are sent (and passed on to the recipients), with the reason.
 */
export function UpdateIssuedModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const action = useEntryAction();
  const initial: Values = {
    subject: entry.subject,
    priority: entry.priority,
    dueDate: entry.dueDate ? dayjs(entry.dueDate) : null,
    toPlaces: entry.toPlaces ?? '',
    description: entry.description ?? '',
    reason: '',
  };

  const submit = async () => {
    const v = await form.validateFields();
    const changes: Parameters<typeof api.issued.update>[2]['changes'] = {};
    if (v.subject.trim() !== entry.subject) changes.subject = v.subject.trim();
    if (v.priority !== entry.priority) changes.priority = v.priority;
    const due = v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null;
    if (due !== (entry.dueDate ?? null)) changes.dueDate = due;
    if ((v.toPlaces ?? '').trim() !== (entry.toPlaces ?? '')) changes.toPlaces = v.toPlaces?.trim() || null;
    if ((v.description ?? '').trim() !== (entry.description ?? ''))
      changes.description = v.description?.trim() || null;
    if (Object.keys(changes).length === 0) {
      form.setFields([{ name: 'subject', errors: ['Chưa có thông tin nào thay đổi'] }]);
      return;
    }
    const done = await action.run(
      () =>
        api.issued.update(agencyId, entry.id, { version: entry.version, reason: v.reason.trim(), changes }),
      'Đã cập nhật văn bản và gửi thông tin tới nơi nhận.',
    );
    if (done) onClose();
  };

  return (
    <Modal
      open
      width={640}
      title="Cập nhật thông tin văn bản đã phát hành"
      okText="Cập nhật"
      cancelText="Hủy"
      confirmLoading={action.busy}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item
          label="Trích yếu"
          name="subject"
          rules={[{ required: true, whitespace: true }, { max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label="Độ khẩn" name="priority">
          <Select options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="Hạn trả lời" name="dueDate">
          <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="Nơi nhận" name="toPlaces" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item label="Ghi chú" name="description" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item
          label="Lý do cập nhật"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập lý do cập nhật' },
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
