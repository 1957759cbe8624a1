import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import type { Agency } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useEntryAction } from '../actions/use-entry-action';

const TEXT_FIELDS: [keyof Agency, string, number][] = [
  ['name', 'Tên cơ quan', 200],
  ['shortName', 'Tên viết gọn', 100],
  ['abbreviation', 'Chữ viết tắt (trong số ký hiệu)', 20],
  ['levelLabel', 'Cấp', 50],
  ['parentCode', 'Mã cơ quan cấp trên', 100],
  ['successorCode', 'Mã cơ quan kế thừa (khi sáp nhập, đổi tên)', 100],
  ['address', 'Địa chỉ', 300],
  ['email', 'Thư điện tử', 200],
  ['phone', 'Điện thoại', 30],
  ['website', 'Trang thông tin điện tử', 200],
];

/**
 * Sửa một cơ quan trong danh bạ. Sends only what changed, with the version read (a colleague's
 * change in between answers the conflict message); an emptied optional field is cleared (null).
 */
export function DirectoryEditModal({ agency, onClose }: { agency: Agency; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, string | boolean | null>>();
  const action = useEntryAction();
  const submit = async () => {
    const values = await form.validateFields();
    const changes: Record<string, string | boolean | null> = {};
    for (const [key, value] of Object.entries(values)) {
      const next = typeof value === 'string' ? value.trim() || null : value;
      if (next !== (agency[key as keyof Agency] ?? null)) changes[key] = next;
    }
    if (!Object.keys(changes).length) return onClose();
    const done = await action.run(
      () => api.directory.update(agency.code, { ...changes, version: agency.version }),
      'Đã lưu thông tin cơ quan.',
    );
    if (done) onClose();
  };
  return (
    <Modal
      open
      width={640}
      title={`Sửa thông tin cơ quan: ${agency.code}`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={action.busy}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 9 }}
        initialValues={Object.fromEntries([
          ...TEXT_FIELDS.map(([key]) => [key, agency[key] ?? '']),
          ['hosted', agency.hosted],
        ])}
      >
        {TEXT_FIELDS.map(([key, label, max]) => (
          <Form.Item
            key={key}
            name={key}
            label={label}
            rules={[
              { max, message: `Tối đa ${max} ký tự` },
              ...(key === 'name' || key === 'levelLabel'
                ? [{ required: true, whitespace: true, message: `Vui lòng nhập ${label.toLowerCase()}` }]
                : []),
            ]}
          >
            <Input />
          </Form.Item>
        ))}
        <Form.Item name="hosted" valuePropName="checked" label="Vận hành trên hệ thống này">
          <Checkbox />
        </Form.Item>
      </Form>
      {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
    </Modal>
  );
}
