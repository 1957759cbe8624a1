import { useQuery } from '@tanstack/react-query';
import { Input, Table } from 'antd';
import { useState } from 'react';
import type { Agency } from '../../client/types';
import { api } from '../../client/vanthu-api';

/** Danh bạ cơ quan: search by name or code (mã định danh); hosted agencies first. */
export function DirectorySection() {
  const [q, setQ] = useState('');
  const agencies = useQuery({
    queryKey: ['directory', q],
    queryFn: () => api.directory.agencies(q ? { q } : { hosted: true }),
  });
  return (
    <>
      <Input.Search
        aria-label="Tìm cơ quan"
        placeholder="Tên hoặc mã định danh cơ quan"
        allowClear
        onSearch={setQ}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <Table<Agency>
        rowKey="id"
        loading={agencies.isPending}
        dataSource={agencies.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Mã định danh', dataIndex: 'code', width: 170 },
          { title: 'Tên cơ quan', dataIndex: 'name' },
          { title: 'Cấp', dataIndex: 'levelLabel', width: 110 },
          { title: 'Cơ quan cấp trên', dataIndex: 'parentCode', width: 170 },
          {
            title: 'Trên hệ thống này',
            dataIndex: 'hosted',
            width: 150,
            render: (h: boolean) => (h ? 'Có' : 'Không'),
          },
        ]}
      />
    </>
  );
}
