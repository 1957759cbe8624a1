import { DownloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../client/http';
import type { Agency } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { FilePicker } from '../../ui/file-picker';
import { useEntryAction } from '../actions/use-entry-action';
import { DirectoryEditModal } from './directory-edit-modal';

const PAGE = 100;

/** The rows an import refused (422 DIRECTORY_IMPORT_INVALID lists them; nothing was written). */
function importProblems(error: Error | null): string[] {
  if (!(error instanceof ApiError) || error.code !== 'DIRECTORY_IMPORT_INVALID') return [];
  const details = error.details as { problems?: { row?: number; path?: string; message?: string }[] };
  return (details?.problems ?? []).map(
    (p) => `${p.row ? `Dòng ${p.row}` : ''}${p.path ? ` (${p.path})` : ''}: ${p.message ?? ''}`,
  );
}

/**
 * Danh bạ cơ quan: search by name or code (mã định danh), hosted agencies first, read page after
 * page (a province's directory has thousands). Administrators edit an agency, import a JSON or CSV
 * file (all or nothing) and export the whole directory; the server decides who may (node admins).
 */
export function DirectorySection({ mayEdit }: { mayEdit: boolean }) {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Agency | null>(null);
  const action = useEntryAction();
  const agencies = useInfiniteQuery({
    queryKey: ['directory', q],
    queryFn: ({ pageParam }) =>
      api.directory.agencies({ ...(q ? { q } : { hosted: true }), limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = agencies.data?.pages.flatMap((p) => p.items) ?? [];
  const total = agencies.data?.pages[0]?.total;

  const importFile = async (file: File) => {
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'json';
    const result = await action.run(
      async () => api.directory.import(format, await file.text()),
      'Đã nhập danh bạ.',
    );
    if (result) void agencies.refetch();
  };
  const problems = importProblems(action.error);

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          aria-label="Tìm cơ quan"
          placeholder="Tên hoặc mã định danh cơ quan"
          allowClear
          onSearch={setQ}
          style={{ width: 420 }}
        />
        {mayEdit && (
          <Space wrap>
            <span>Nhập danh bạ (JSON, CSV):</span>
            <FilePicker
              id="directory-import"
              accept=".json,.csv,application/json,text/csv"
              ariaLabel="Nhập danh bạ từ tệp JSON hoặc CSV"
              onChange={([f]) => void (f && importFile(f))}
            />
            <Button icon={<DownloadOutlined />} href={api.directory.exportUrl('json')} download>
              Xuất JSON
            </Button>
            <Button icon={<DownloadOutlined />} href={api.directory.exportUrl('csv')} download>
              Xuất CSV
            </Button>
          </Space>
        )}
      </Space>
      {action.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={action.error.message}
          description={
            problems.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {agencies.isError && <Alert type="error" showIcon title={(agencies.error as Error).message} />}
      <Table<Agency>
        rowKey="id"
        loading={agencies.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <span className="muted">Không tìm thấy cơ quan</span> }}
        columns={[
          { title: 'Mã định danh', dataIndex: 'code', width: 170 },
          { title: 'Tên cơ quan', dataIndex: 'name' },
          { title: 'Cấp', dataIndex: 'levelLabel', width: 110 },
          { title: 'Cơ quan cấp trên', dataIndex: 'parentCode', width: 170 },
          {
            title: 'Trên hệ thống này',
            dataIndex: 'hosted',
            width: 140,
            render: (h: boolean) => (h ? 'Có' : 'Không'),
          },
          ...(mayEdit
            ? [
                {
                  title: 'Thao tác',
                  width: 90,
                  render: (_: unknown, a: Agency) => (
                    <Button size="small" onClick={() => setEditing(a)} aria-label={`Sửa ${a.name}`}>
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <span className="muted">
          Đang hiển thị {rows.length}
          {total !== undefined ? ` / ${total}` : ''} cơ quan
        </span>
        {agencies.hasNextPage && (
          <Button loading={agencies.isFetchingNextPage} onClick={() => void agencies.fetchNextPage()}>
            Xem thêm
          </Button>
        )}
      </Space>
      {editing && (
        <DirectoryEditModal
          agency={editing}
          onClose={() => {
            setEditing(null);
            void agencies.refetch();
          }}
        />
      )}
    </>
  );
}
