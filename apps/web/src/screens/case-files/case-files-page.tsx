import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseFile } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useEntryAction } from '../actions/use-entry-action';

/** Hồ sơ công việc of a year: list and "Lập hồ sơ". */
export default function CaseFilesPage() {
  const { agencyId = '' } = useParams();
  const [year, setYear] = useState(dayjs().year());
  const files = useQuery({
    queryKey: ['case-files', agencyId, year],
    queryFn: () => api.caseFiles.list(agencyId, year),
  });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ code: string; title: string; keeper: string; year: number }>();
  const action = useEntryAction();

  const create = async () => {
    const v = await form.validateFields();
    const done = await action.run(() => api.caseFiles.create(agencyId, v), 'Đã lập hồ sơ.');
    if (done) setCreating(false);
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          Hồ sơ công việc
        </Typography.Title>
        <Space>
          <label htmlFor="case-year">Năm</label>
          <InputNumber id="case-year" min={2000} max={2999} value={year} onChange={(v) => v && setYear(v)} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            Lập hồ sơ
          </Button>
        </Space>
      </Space>
      {files.isError && <Alert type="error" showIcon title={(files.error as Error).message} />}
      <Table<CaseFile>
        rowKey="id"
        loading={files.isPending}
        dataSource={files.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="muted">Chưa có hồ sơ nào trong năm</span> }}
        columns={[
          { title: 'Ký hiệu hồ sơ', dataIndex: 'code', width: 160 },
          {
            title: 'Tiêu đề hồ sơ',
            dataIndex: 'title',
            render: (t: string, f) => <Link to={f.id}>{t}</Link>,
          },
          { title: 'Năm', dataIndex: 'year', width: 90 },
          { title: 'Người lập', dataIndex: 'keeper', width: 200 },
          { title: 'Số văn bản', dataIndex: 'entryCount', width: 110 },
        ]}
      />
      <Modal
        title="Lập hồ sơ"
        open={creating}
        okText="Lập hồ sơ"
        cancelText="Hủy"
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        confirmLoading={action.busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ year }} preserve={false}>
          <Form.Item
            label="Ký hiệu hồ sơ"
            name="code"
            rules={[{ required: true, whitespace: true, message: 'Nhập ký hiệu hồ sơ' }, { max: 20 }]}
          >
            <Input placeholder="Ví dụ: 01.VP" />
          </Form.Item>
          <Form.Item
            label="Tiêu đề hồ sơ"
            name="title"
            rules={[{ required: true, whitespace: true, message: 'Nhập tiêu đề' }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            label="Người lập hồ sơ"
            name="keeper"
            rules={[{ required: true, whitespace: true, message: 'Nhập người lập' }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="Năm" name="year" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2999} />
          </Form.Item>
        </Form>
        {action.error && <Alert type="error" showIcon role="alert" title={action.error.message} />}
      </Modal>
    </>
  );
}
