import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import type { Role, User } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { ROLE_LABELS } from '../../ui/labels';
import { useUnits, useUsers } from '../../ui/reference-data';
import { useEntryAction } from '../actions/use-entry-action';

export function UsersSection({ agencyId }: { agencyId: string }) {
  const users = useUsers(agencyId);
  const units = useUnits(agencyId);
  const action = useEntryAction();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name ?? '';

  const create = async () => {
    const v = await form.validateFields();
    if (await action.run(() => api.createUser(agencyId, v), 'Đã tạo người dùng.')) setCreating(false);
  };

  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setCreating(true)}
        style={{ marginBottom: 12 }}
      >
        Thêm người dùng
      </Button>
      <Table<User>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username', width: 170 },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Chức vụ', dataIndex: 'position', width: 170 },
          { title: 'Đơn vị', dataIndex: 'unitId', render: unitName, width: 240 },
          {
            title: 'Vai trò',
            width: 160,
            render: (_: unknown, u) =>
              u.roles
                .filter((r) => r.agencyId === agencyId)
                .map((r) => ROLE_LABELS[r.role])
                .join(', '),
          },
          {
            title: 'Hoạt động',
            width: 110,
            render: (_: unknown, u) => (
              <Switch
                checked={u.active}
                aria-label={`Tài khoản ${u.username} ${u.active ? 'đang hoạt động' : 'đã khóa'}`}
                onChange={(active) =>
                  void action.run(
                    () => api.updateUser(agencyId, u.id, { version: u.version, active }),
                    active ? 'Đã mở tài khoản.' : 'Đã khóa tài khoản.',
                  )
                }
              />
            ),
          },
        ]}
      />
      <Modal
        title="Thêm người dùng"
        open={creating}
        okText="Tạo"
        cancelText="Hủy"
        confirmLoading={action.busy}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, min: 3, max: 64 }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item label="Chức vụ" name="position" rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item label="Đơn vị" name="unitId">
            <Select allowClear options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item label="Vai trò" name="roles" initialValue={['specialist']}>
            <Select
              mode="multiple"
              options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
          </Form.Item>
          <Form.Item
            label="Mật khẩu ban đầu"
            name="password"
            rules={[{ required: true, min: 8, message: 'Ít nhất 8 ký tự' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
        {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
      </Modal>
    </>
  );
}
