import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../client/http';
import { useToast } from '../../ui/toast';
import { api } from '../../client/vanthu-api';

export default function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const message = useToast();

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      await api.auth.changePassword(values.currentPassword, values.newPassword);
      message.success('Đã đổi mật khẩu.');
      form.resetFields();
      onClose();
    } catch (e) {
      form.setFields([
        { name: 'currentPassword', errors: [e instanceof ApiError ? e.message : 'Không đổi được mật khẩu.'] },
      ]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Đổi mật khẩu"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="Đổi mật khẩu"
      cancelText="Hủy"
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label="Mật khẩu hiện tại"
          name="currentPassword"
          rules={[{ required: true, message: 'Bắt buộc' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          rules={[{ required: true, min: 8, message: 'Ít nhất 8 ký tự' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Bắt buộc' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Mật khẩu nhập lại không khớp')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
