import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Radio, Space, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import type { Register } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { useEntryAction } from '../actions/use-entry-action';

const KIND: Record<string, string> = { incoming: 'Văn bản đến', outgoing: 'Văn bản đi', copy: 'Bản sao' };

/**
 * Sổ văn bản: each register of the agency, printable in full (PDF) and exportable (Excel); the
 * admin chooses one outgoing series for every type or one per type (it applies to registers opened
 * from then on: numbers already given stay).
 */
export default function RegistersPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const action = useEntryAction();
  const registers = useQuery({ queryKey: ['registers', agencyId], queryFn: () => api.registers(agencyId) });
  if (registers.isError) return <Alert type="error" showIcon title={(registers.error as Error).message} />;
  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Sổ văn bản
      </Typography.Title>
      {session.hasRole(agencyId, 'admin') ? (
        <Space align="center" wrap style={{ marginBottom: 16 }}>
          <span id="series-label">Cách đánh số văn bản đi:</span>
          <Radio.Group
            aria-labelledby="series-label"
            value={registers.data?.outgoingSeries}
            disabled={!registers.data || action.busy}
            onChange={(e) =>
              void action.run(
                () => api.registerSettings(agencyId, e.target.value as 'single' | 'per_type'),
                'Đã lưu cách đánh số văn bản đi.',
              )
            }
            options={[
              { value: 'single', label: 'Một sổ chung cho mọi loại văn bản' },
              { value: 'per_type', label: 'Một sổ cho mỗi loại văn bản' },
            ]}
          />
        </Space>
      ) : (
        <Typography.Paragraph>
          Cách đánh số văn bản đi:{' '}
          {registers.data?.outgoingSeries === 'per_type'
            ? 'một sổ cho mỗi loại văn bản'
            : 'một sổ chung cho mọi loại văn bản'}
          .
        </Typography.Paragraph>
      )}
      <Table<Register>
        rowKey="id"
        loading={registers.isPending}
        dataSource={registers.data?.registers ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <span className="muted">
              Chưa có sổ nào (sổ được tạo khi vào sổ hoặc phát hành văn bản đầu tiên trong năm)
            </span>
          ),
        }}
        columns={[
          { title: 'Tên sổ', dataIndex: 'name' },
          { title: 'Loại sổ', dataIndex: 'kind', render: (k: string) => KIND[k] ?? k, width: 140 },
          { title: 'Năm', dataIndex: 'year', width: 90 },
          { title: 'Số tiếp theo', dataIndex: 'nextNumber', width: 120 },
          {
            title: 'In, xuất sổ',
            width: 260,
            render: (_: unknown, r) =>
              r.kind === 'copy' ? (
                <span className="muted">Chưa hỗ trợ</span>
              ) : (
                <Space>
                  <Button size="small" href={api.registerPrintUrl(agencyId, r.id, 'print.pdf')} download>
                    In sổ (PDF)
                  </Button>
                  <Button size="small" href={api.registerPrintUrl(agencyId, r.id, 'export.xlsx')} download>
                    Xuất Excel
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
