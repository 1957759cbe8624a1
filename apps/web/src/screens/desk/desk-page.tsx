import { useQuery } from '@tanstack/react-query';
import { Col, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, type SearchQuery } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../ui/format';

const CAP = 100;

/** The list's total where the API counts it (deadlines), else the first page's length and a plus. */
function countOf(result: { items: unknown[]; nextCursor: string | null; total?: number } | undefined) {
  if (!result) return undefined;
  if (result.total !== undefined) return String(result.total);
  return result.nextCursor ? `${result.items.length}+` : String(result.items.length);
}

function Counter({ title, value, to, tone }: { title: string; value?: string; to: string; tone?: string }) {
  return (
    <Link to={to} className="panel counter" aria-label={`${title}: ${value ?? '…'} văn bản`}>
      <span className="counter-title">{title}</span>
      <span className="counter-value" style={{ color: tone }}>
        {value ?? '…'}
      </span>
    </Link>
  );
}

function useEntrySearch(agencyId: string, key: string, query: SearchQuery) {
  return useQuery({
    queryKey: ['desk', agencyId, key],
    queryFn: () => api.search(agencyId, { ...query, limit: CAP }),
  });
}

/** Bàn làm việc: what waits for this user, each counter a link to the list behind it. */
export default function DeskPage() {
  const { agencyId = '' } = useParams();
  const session = useSession();
  const me = session.me.userId;
  const isSpecialist =
    session.hasRole(agencyId, 'specialist') && !session.hasRole(agencyId, 'leader', 'clerk');
  const search = (key: string, query: SearchQuery) => useEntrySearch(agencyId, key, query);

  const toRegister = search('received', { direction: 'incoming', status: ['received'] });
  const toHandle = search(
    'to-handle',
    isSpecialist
      ? { direction: 'incoming', status: ['assigned', 'in_progress'], assigneeId: me }
      : { direction: 'incoming', status: ['registered'] },
  );
  const toSign = search('to-sign', { direction: 'outgoing', status: ['approved'] });
  const toIssue = search('to-issue', { direction: 'outgoing', status: ['signed'] });
  const dueSoon = useQuery({
    queryKey: ['desk', agencyId, 'due-soon'],
    queryFn: () => api.dueSoon(agencyId, { days: 3, limit: CAP, userId: isSpecialist ? me : undefined }),
  });
  const overdue = useQuery({
    queryKey: ['desk', agencyId, 'overdue'],
    queryFn: () => api.overdue(agencyId, { limit: CAP, userId: isSpecialist ? me : undefined }),
  });
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.notifications({ limit: 20 }),
  });
  const base = `/co-quan/${agencyId}`;

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Bàn làm việc
      </Typography.Title>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        Văn bản đến
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Counter
            title="Chờ vào sổ"
            value={countOf(toRegister.data)}
            to={`${base}/van-ban-den?tab=cho-vao-so`}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Counter
            title="Chờ xử lý"
            value={countOf(toHandle.data)}
            to={`${base}/van-ban-den?tab=cho-xu-ly`}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Counter
            title="Sắp đến hạn (3 ngày)"
            value={countOf(dueSoon.data)}
            tone="#873800"
            to={`${base}/van-ban-den?tab=dang-xu-ly`}
          />
        </Col>
        <Col xs={12} lg={6}>
          <Counter
            title="Quá hạn"
            value={countOf(overdue.data)}
            tone="#a8071a"
            to={`${base}/tra-cuu?direction=incoming&overdue=true`}
          />
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        Văn bản đi
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Counter title="Chờ ký" value={countOf(toSign.data)} to={`${base}/van-ban-di?tab=cho-ky`} />
        </Col>
        <Col xs={12} lg={6}>
          <Counter
            title="Chờ phát hành"
            value={countOf(toIssue.data)}
            to={`${base}/van-ban-di?tab=cho-phat-hanh`}
          />
        </Col>
      </Row>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        Thông báo
      </Typography.Title>
      <ul className="panel" style={{ listStyle: 'none', margin: 0 }}>
        {(notifications.data?.items ?? []).slice(0, 10).map((n) => (
          <li key={n.id} style={{ display: 'flex', justifyContent: 'space-between', padding: '6px 0' }}>
            {n.entryId ? <Link to={`/co-quan/${n.agencyId}/van-ban/${n.entryId}`}>{n.title}</Link> : n.title}
            <span className="muted">{formatDateTime(n.createdAt)}</span>
          </li>
        ))}
        {notifications.data?.items.length === 0 && <li className="muted">Không có thông báo mới</li>}
      </ul>
    </>
  );
}
