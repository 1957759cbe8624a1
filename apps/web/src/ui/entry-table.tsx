import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { type ReactNode, type UIEvent, useCallback, useMemo, useState } from 'react';
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

interface Column {
  title: string;
  dataIndex: keyof Entry;
  /** px; the subject takes what is left (at least its width) */
  width: number;
  render?: (value: never, e: Entry) => ReactNode;
}

function columnsFor(kind: EntryColumns, agencyId: string): Column[] {
  const subject: Column = {
    title: 'Trích yếu',
    dataIndex: 'subject',
    width: 250,
    render: (_: unknown, e: Entry) => <Link to={`/co-quan/${agencyId}/van-ban/${e.id}`}>{e.subject}</Link>,
  };
  const notation: Column = { title: 'Số/Ký hiệu', dataIndex: 'numberNotation', width: 118 };
  const issued: Column = { title: 'Ngày VB', dataIndex: 'issuedDate', width: 96, render: formatDate };
  const priority: Column = {
    title: 'Độ khẩn',
    dataIndex: 'priority',
    width: 100,
    render: (_: unknown, e: Entry) => <PriorityTag priority={e.priority} />,
  };
  const status: Column = {
    title: 'Trạng thái',
    dataIndex: 'status',
    width: 120,
    render: (_: unknown, e: Entry) => <StatusTag status={e.status} />,
  };
  const due: Column = {
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
      { title: 'Cơ quan ban hành', dataIndex: 'organName', width: 170 },
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
      render: (_: never, e: Entry) => (e.direction === 'incoming' ? 'Đến' : 'Đi'),
    },
    { title: 'Ngày', dataIndex: 'entryDate', width: 96, render: formatDate },
    notation,
    { title: 'Cơ quan ban hành', dataIndex: 'organName', width: 170 },
    subject,
    due,
    status,
  ];
}

/** Row height in px: two lines of subject; fixed, so the rows on screen follow from the scroll. */
const ROW = 58;
/** Rows drawn above and below the visible ones, so a quick scroll shows no blank. */
const SPARE = 8;

function cellText(c: Column, e: Entry): ReactNode {
  const value = e[c.dataIndex];
  if (c.render) return c.render(value as never, e);
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A register list of any length: pages of 100 come from the server by keyset cursor as the user
 * scrolls, and only the rows on screen are drawn, so 10,000 entries scroll as smoothly as 10.
 * A plain ARIA table of our own rather than antd's virtual Table: the lists are the first thing
 * people open, and antd's table (with its virtual list, filters and pagination) weighs ~90 KB gzip.
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
  const grid = columns
    .map((c) => (c.dataIndex === 'subject' ? `minmax(${c.width}px, 1fr)` : `${c.width}px`))
    .join(' ');
  const minWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const [scrollTop, setScrollTop] = useState(0);
  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>) => {
      const el = event.currentTarget;
      setScrollTop(el.scrollTop);
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
  const first = Math.max(0, Math.floor(scrollTop / ROW) - SPARE);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + SPARE);
  return (
    <div className="entry-list">
      <div role="table" aria-label={label} aria-rowcount={rows.length + 1} style={{ minWidth }}>
        <div role="rowgroup" className="entry-list-head">
          <div role="row" aria-rowindex={1} className="entry-list-row" style={{ gridTemplateColumns: grid }}>
            {columns.map((c) => (
              <div role="columnheader" key={c.dataIndex}>
                {c.title}
              </div>
            ))}
          </div>
        </div>
        <div className="entry-list-body" style={{ maxHeight: height }} onScroll={onScroll}>
          {rows.length > 0 && (
            <div role="rowgroup" style={{ height: rows.length * ROW, position: 'relative' }}>
              {rows.slice(first, last).map((e, i) => (
                <div
                  role="row"
                  key={e.id}
                  aria-rowindex={first + i + 2}
                  className="entry-row entry-list-row"
                  style={{ gridTemplateColumns: grid, top: (first + i) * ROW, height: ROW }}
                >
                  {columns.map((c) => (
                    <div role="cell" key={c.dataIndex}>
                      {cellText(c, e)}
                    </div>
                  ))}
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
      {!list.isPending && rows.length === 0 && <div className="entry-list-empty muted">Không có văn bản</div>}
      <div className="entry-list-foot muted" aria-live="polite">
        {list.isPending
          ? 'Đang tải…'
          : `${rows.length.toLocaleString('vi-VN')} văn bản${list.hasNextPage ? ' — cuộn xuống để tải thêm' : ''}`}
      </div>
    </div>
  );
}
