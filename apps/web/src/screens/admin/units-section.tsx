import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import type { Unit } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useUnits } from '../../ui/reference-data';
import { useEntryAction } from '../actions/use-entry-action';

export function UnitsSection({ agencyId }: { agencyId: string }) {
  const units = useUnits(agencyId);
  const action = useEntryAction();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const create = async () => {
    const v = await form.validateFields();
    if (await action.run(() => api.createUnit(agencyId, v), 'Đã thêm đơn vị.')) setCreating(false);
  };
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setCreating(true)}
        style={{ marginBottom: 12 }}
      >
        Thêm đơn vị
      </Button>
      <Table<Unit>
        rowKey="id"
        loading={units.isPending}
        dataSource={units.data ?? []}
        pagination={false}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 140 },
          { title: 'Tên đơn vị', dataIndex: 'name' },
          { title: 'Viết tắt', dataIndex: 'abbreviation', width: 140 },
          {
            title: 'Trạng thái',
            dataIndex: 'active',
            width: 140,
            render: (a: boolean) => (a ? 'Đang hoạt động' : 'Ngừng hoạt động'),
          },
        ]}
      />
      <Modal
        title="Thêm đơn vị"
        open={creating}
        okText="Thêm"
        cancelText="Hủy"
        confirmLoading={action.busy}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item label="Mã đơn vị" name="code" rules={[{ required: true, max: 20 }]}>
            <Input />
          </Form.Item>
          <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="Viết tắt (dùng trong ký hiệu văn bản)"
            name="abbreviation"
            rules={[{ required: true, max: 20 }]}
          >
            <Input />
          </Form.Item>
        </Form>
        {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
      </Modal>
    </>
  );
}
