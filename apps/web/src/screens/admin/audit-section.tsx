import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import type { AuditEvent } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { formatDateTime } from '../../ui/format';

const PAGE = 100;

/** Nhật ký hệ thống: newest first, older pages by the API's cursor. */
export function AuditSection({ agencyId }: { agencyId: string }) {
  const events = useInfiniteQuery({
    queryKey: ['audit', agencyId],
    queryFn: ({ pageParam }) => api.auditEvents(agencyId, { cursor: pageParam, limit: PAGE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <>
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        loading={events.isPending}
        dataSource={events.data?.pages.flatMap((p) => p.items) ?? []}
        pagination={false}
        columns={[
          { title: 'STT', dataIndex: 'seq', width: 90 },
          { title: 'Thời gian', dataIndex: 'occurredAt', width: 170, render: formatDateTime },
          { title: 'Người thực hiện', dataIndex: 'actorName', width: 200 },
          { title: 'Thao tác', dataIndex: 'action', width: 240 },
          {
            title: 'Đối tượng',
            render: (_: unknown, e) => [e.subjectType, e.subjectId].filter(Boolean).join(' '),
          },
        ]}
      />
      {events.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          Xem thêm
        </Button>
      )}
    </>
  );
}
