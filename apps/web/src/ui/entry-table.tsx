import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Table, type TableColumnsType } from 'antd';
import { type UIEvent, useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import type { Entry } from '../client/types';
import { api, type SearchQuery } from '../client/vanthu-api';
import { DeadlineTag } from './deadline-tag';
import { formatDate } from './format';
import { PriorityTag } from './priority-tag';
import { StatusTag } from './status-tag';

const PAGE = 100;
const CLOSED = new Set(['closed', 'returned', 'recalled', 'issued', 'replaced']);

export type EntryColumns = 'incoming' | 'outgoing' | 'mixed';

function columnsFor(kind: EntryColumns, agencyId: string): TableColumnsType<Entry> {
  const subject = {
    title: 'Trích yếu',
    dataIndex: 'subject',
    width: 250,
    render: (_: unknown, e: Entry) => <Link to={`/co-quan/${agencyId}/van-ban/${e.id}`}>{e.subject}</Link>,
  };
  const notation = { title: 'Số/Ký hiệu', dataIndex: 'numberNotation', width: 118 };
  const issued = { title: 'Ngày VB', dataIndex: 'issuedDate', width: 96, render: formatDate };
  const priority = {
    title: 'Độ khẩn',
    dataIndex: 'priority',
    width: 100,
    render: (_: unknown, e: Entry) => <PriorityTag priority={e.priority} />,
  };
  const status = {
    title: 'Trạng thái',
    dataIndex: 'status',
    width: 120,
    render: (_: unknown, e: Entry) => <StatusTag status={e.status} />,
  };
  const due = {
    title: 'Hạn xử lý',
    dataIndex: 'dueDate',
    width: 130,
    render: (_: unknown, e: Entry) => <DeadlineTag dueDate={e.dueDate} done={CLOSED.has(e.status)} />,
  };
  if (kind === 'incoming')
    return [
      { title: 'Số đến', dataIndex: 'arrivalNumber', width: 66 },
      { title: 'Ngày đến', dataIndex: 'entryDate', width: 96, render: formatDate },
      notation,
      issued,
      { title: 'Cơ quan ban hành', dataIndex: 'organName', width: 170, ellipsis: true },
      subject,
      priority,
      due,
      status,
    ];
  if (kind === 'outgoing')
    return [
      notation,
      issued,
      { title: 'Loại', dataIndex: 'typeCode', width: 70 },
      subject,
      {
        title: 'Người ký',
        dataIndex: 'signerInfo',
        width: 150,
        render: (_: unknown, e: Entry) => e.signerInfo?.fullName ?? '',
      },
      priority,
      status,
    ];
  return [
    {
      title: 'Sổ',
      dataIndex: 'direction',
      width: 52,
      render: (d: string) => (d === 'incoming' ? 'Đến' : 'Đi'),
    },
    { title: 'Ngày', dataIndex: 'entryDate', width: 96, render: formatDate },
    notation,
    { title: 'Cơ quan ban hành', dataIndex: 'organName', width: 170, ellipsis: true },
    subject,
    due,
    status,
  ];
}

/**
 * A register list of any length: pages of 100 come from the server by keyset cursor as the user
 * scrolls, and only the visible rows are rendered (antd's virtual table), so 10,000 entries
 * scroll as smoothly as 10.
 */
export function EntryTable({
  agencyId,
  query,
  kind,
  height = 560,
  label,
}: {
  agencyId: string;
  query: SearchQuery;
  kind: EntryColumns;
  height?: number;
  label: string;
}) {
  const list = useInfiniteQuery({
    queryKey: ['entries', agencyId, query],
    queryFn: ({ pageParam }) => api.search(agencyId, { ...query, limit: PAGE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const columns = useMemo(() => columnsFor(kind, agencyId), [kind, agencyId]);
  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const el = event.currentTarget;
      if (
        el.scrollHeight - el.scrollTop - el.clientHeight < 600 &&
        list.hasNextPage &&
        !list.isFetchingNextPage
      )
        void list.fetchNextPage();
    },
    [list],
  );

  if (list.isError) return <Alert type="error" showIcon title={(list.error as Error).message} />;
  return (
    <div aria-label={label} role="region">
      <Table<Entry>
        rowKey="id"
        size="middle"
        virtual
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        pagination={false}
        scroll={{ y: height, x: columns.reduce((sum, c) => sum + Number(c.width ?? 150), 0) }}
        onScroll={onScroll}
        locale={{ emptyText: <span className="muted">Không có văn bản</span> }}
        footer={() =>
          list.isPending
            ? 'Đang tải…'
            : `${rows.length.toLocaleString('vi-VN')} văn bản${list.hasNextPage ? ' — cuộn xuống để tải thêm' : ''}`
        }
      />
    </div>
  );
}
