import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../client/http';
import type { Entry } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { formatDate } from '../../ui/format';
import { useEntryAction } from '../actions/use-entry-action';
import { NotFoundPage } from '../not-found-page';

/** One hồ sơ: its documents in date order, add or remove one, export PDF and XML. */
export default function CaseFilePage() {
  const { agencyId = '', caseFileId = '' } = useParams();
  const file = useQuery({
    queryKey: ['case-file', agencyId, caseFileId],
    queryFn: () => api.caseFiles.get(agencyId, caseFileId),
  });
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string>();
  const candidates = useQuery({
    queryKey: ['case-file-candidates', agencyId, q],
    queryFn: () => api.search(agencyId, { q: q || undefined, limit: 20 }),
  });
  const action = useEntryAction();

  if (file.isPending) return <Spin />;
  if (file.isError)
    return file.error instanceof ApiError && file.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <Alert type="error" title={(file.error as Error).message} />
    );
  const f = file.data;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Hồ sơ {f.code}: {f.title}
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button href={api.caseFiles.exportUrl(agencyId, f.id, 'pdf')} download>
          Xuất PDF
        </Button>
        <Button href={api.caseFiles.exportUrl(agencyId, f.id, 'xml')} download>
          Xuất XML
        </Button>
        <Select
          aria-label="Chọn văn bản để thêm vào hồ sơ"
          style={{ width: 420 }}
          showSearch={{ filterOption: false, onSearch: setQ }}
          value={picked}
          onChange={setPicked}
          placeholder="Tìm văn bản để thêm vào hồ sơ"
          options={(candidates.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${e.numberNotation ?? 'Chưa có số'} — ${e.subject}`,
          }))}
        />
        <Button
          type="primary"
          disabled={!picked}
          loading={action.busy}
          onClick={() =>
            picked &&
            void action
              .run(() => api.caseFiles.addEntry(agencyId, f.id, picked), 'Đã thêm văn bản vào hồ sơ.')
              .then(() => setPicked(undefined))
          }
        >
          Thêm vào hồ sơ
        </Button>
      </Space>
      <Table<Entry>
        rowKey="id"
        dataSource={f.entries ?? []}
        pagination={false}
        locale={{ emptyText: <span className="muted">Hồ sơ chưa có văn bản</span> }}
        columns={[
          { title: 'Ngày', dataIndex: 'entryDate', width: 110, render: formatDate },
          { title: 'Số/Ký hiệu', dataIndex: 'numberNotation', width: 150 },
          {
            title: 'Trích yếu',
            dataIndex: 'subject',
            render: (s: string, e) => <Link to={`/co-quan/${agencyId}/van-ban/${e.id}`}>{s}</Link>,
          },
          { title: 'Cơ quan ban hành', dataIndex: 'organName', width: 240 },
          {
            title: 'Thao tác',
            width: 120,
            render: (_: unknown, e) => (
              <Button
                size="small"
                danger
                onClick={() =>
                  void action.run(
                    () => api.caseFiles.removeEntry(agencyId, f.id, e.id),
                    'Đã bỏ văn bản khỏi hồ sơ.',
                  )
                }
              >
                Bỏ khỏi hồ sơ
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
