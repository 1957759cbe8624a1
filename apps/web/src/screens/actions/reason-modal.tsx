import { Alert, Form, Input, Modal } from 'antd';

/** A confirmation that needs words: Trả lại, Thu hồi, Ý kiến, Kết thúc xử lý. */
export function ReasonModal({
  title,
  label,
  okText,
  required = true,
  open,
  busy,
  error,
  onCancel,
  onSubmit,
  danger,
  maxLength = 500,
}: {
  title: string;
  label: string;
  okText: string;
  required?: boolean;
  open: boolean;
  busy: boolean;
  error: Error | null;
  onCancel: () => void;
  onSubmit: (text: string) => void;
  danger?: boolean;
  maxLength?: number;
}) {
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      cancelText="Hủy"
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={async () => onSubmit((await form.validateFields()).text ?? '')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={label}
          name="text"
          rules={[
            { required, whitespace: true, message: `Vui lòng nhập ${label.toLowerCase()}` },
            { max: maxLength },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} autoFocus />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
    </Modal>
  );
}
