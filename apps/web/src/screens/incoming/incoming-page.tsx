import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SearchQuery } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { EntryTable } from '../../ui/entry-table';

interface IncomingTab {
  key: string;
  label: string;
  query: (userId: string, specialist: boolean) => SearchQuery;
}

const TABS: IncomingTab[] = [
  { key: 'cho-vao-so', label: 'Chờ vào sổ', query: () => ({ status: ['received'] }) },
  {
    key: 'cho-xu-ly',
    label: 'Chờ xử lý',
    query: (userId, specialist) =>
      specialist ? { status: ['assigned'], assigneeId: userId } : { status: ['registered'] },
  },
  {
    key: 'dang-xu-ly',
    label: 'Đang xử lý',
    query: (userId, specialist) =>
      specialist ? { status: ['in_progress'], assigneeId: userId } : { status: ['assigned', 'in_progress'] },
  },
  { key: 'da-xu-ly', label: 'Đã xử lý', query: () => ({ status: ['closed', 'returned'] }) },
  {
    key: 'xem-de-biet',
    label: 'Xem để biết',
    query: (userId) => ({ assigneeId: userId, assignedAs: 'inform' }),
  },
];

/** Văn bản đến, by tab; the tab is in the address so a link (from the desk) opens it. */
export default function IncomingPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const active = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'cho-vao-so';
  const specialist = session.hasRole(agencyId, 'specialist') && !session.hasRole(agencyId, 'leader', 'clerk');
  const tab = TABS.find((t) => t.key === active)!;

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          Văn bản đến
        </Typography.Title>
        {session.hasRole(agencyId, 'clerk') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/co-quan/${agencyId}/van-ban-den/vao-so`)}
          >
            Vào sổ văn bản giấy / tải tệp lên
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        items={TABS.map((t) => ({ key: t.key, label: t.label }))}
      />
      <EntryTable
        key={active}
        agencyId={agencyId}
        kind="incoming"
        label={`Danh sách văn bản đến: ${tab.label}`}
        query={{ direction: 'incoming', ...tab.query(session.me.userId, specialist) }}
      />
    </>
  );
}
