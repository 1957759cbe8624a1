import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SearchQuery } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { EntryTable } from '../../ui/entry-table';

const TABS: { key: string; label: string; query: SearchQuery }[] = [
  { key: 'du-thao', label: 'Dự thảo', query: { status: ['draft'] } },
  { key: 'cho-duyet', label: 'Chờ duyệt', query: { status: ['reviewing', 'approving'] } },
  { key: 'cho-ky', label: 'Chờ ký', query: { status: ['approved'] } },
  { key: 'cho-phat-hanh', label: 'Chờ phát hành', query: { status: ['signed'] } },
  { key: 'da-phat-hanh', label: 'Đã phát hành', query: { status: ['issued'] } },
  { key: 'thu-hoi', label: 'Thu hồi, thay thế', query: { status: ['recalled', 'replaced'] } },
];

/** Văn bản đi / Dự thảo, by stage of the workflow. */
export default function OutgoingPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const active = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'du-thao';
  const tab = TABS.find((t) => t.key === active)!;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
          Văn bản đi
        </Typography.Title>
        {session.hasRole(agencyId, 'specialist', 'leader', 'clerk') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/co-quan/${agencyId}/van-ban-di/du-thao-moi`)}
          >
            Soạn dự thảo mới
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
        kind="outgoing"
        label={`Danh sách văn bản đi: ${tab.label}`}
        query={{ direction: 'outgoing', ...tab.query }}
      />
    </>
  );
}
