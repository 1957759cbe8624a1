import { ActiveContentTag } from './active-content';
import { Descriptions, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { EntryDetail, FileVersion } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { formatDate, formatDateTime, formatKb } from '../../ui/format';
import {
  ASSIGNMENT_ROLE_LABELS,
  DELIVERY_STATE_LABELS,
  FILE_KIND_LABELS,
  label,
  NOTE_KIND_LABELS,
} from '../../ui/labels';
import { PriorityTag } from '../../ui/priority-tag';
import { useUnits, useUsers } from '../../ui/reference-data';
import { VerdictTag } from '../../ui/status-tag';
import { isPdf } from './document-queries';

export function EntryFacts({ entry }: { entry: EntryDetail }) {
  const incoming = entry.direction === 'incoming';
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        ...(incoming
          ? [
              { key: 'an', label: 'Số đến', children: entry.arrivalNumber ?? 'Chưa vào sổ' },
              { key: 'ad', label: 'Ngày đến', children: formatDate(entry.arrivalAt ?? entry.entryDate) },
            ]
          : []),
        { key: 'nn', label: 'Số/Ký hiệu', children: entry.numberNotation ?? 'Chưa cấp số' },
        { key: 'id', label: 'Ngày văn bản', children: formatDate(entry.issuedDate) },
        { key: 'type', label: 'Loại văn bản', children: entry.typeCode },
        { key: 'org', label: 'Cơ quan ban hành', children: entry.organName ?? '' },
        { key: 'subject', label: 'Trích yếu', children: entry.subject },
        {
          key: 'signer',
          label: 'Người ký',
          children: [entry.signerInfo?.position, entry.signerInfo?.fullName].filter(Boolean).join(' '),
        },
        { key: 'priority', label: 'Độ khẩn', children: <PriorityTag priority={entry.priority} /> },
        { key: 'due', label: 'Hạn xử lý', children: formatDate(entry.dueDate) || 'Không có' },
        { key: 'pages', label: 'Số trang', children: entry.pageAmount ?? '' },
        ...(entry.documentIdentifier
          ? [{ key: 'did', label: 'Mã văn bản', children: entry.documentIdentifier }]
          : []),
        ...(entry.returnReason ? [{ key: 'rr', label: 'Lý do trả lại', children: entry.returnReason }] : []),
        ...(entry.closeNote ? [{ key: 'cn', label: 'Ghi chú kết thúc', children: entry.closeNote }] : []),
      ]}
    />
  );
}

/** Lịch sử xử lý: assignments (who leads, co-operates, is informed) and every note, in order. */
export function EntryHistory({ entry, agencyId }: { entry: EntryDetail; agencyId: string }) {
  const users = useUsers(agencyId);
  const units = useUnits(agencyId);
  const userName = (id: string | null) => users.data?.find((u) => u.id === id)?.fullName;
  const unitName = (id: string | null) => units.data?.find((u) => u.id === id)?.name;
  const items = [
    ...entry.assignments.map((a) => ({
      key: a.id,
      children: (
        <>
          <Typography.Text strong>{label(ASSIGNMENT_ROLE_LABELS, a.role)}</Typography.Text>:{' '}
          {userName(a.userId) ?? unitName(a.unitId) ?? ''}
          {a.deadline && ` — hạn ${formatDate(a.deadline)}`}
          {a.instructions && <div>Ý kiến chỉ đạo: {a.instructions}</div>}
        </>
      ),
    })),
    ...entry.notes.map((n) => ({
      key: n.id,
      children: (
        <>
          <Typography.Text strong>{label(NOTE_KIND_LABELS, n.kind)}</Typography.Text>
          {userName(n.authorId) ? ` — ${userName(n.authorId)}` : ''}{' '}
          <span className="muted">{formatDateTime(n.createdAt)}</span>
          <div>{n.body}</div>
        </>
      ),
    })),
  ];
  if (!items.length) return <Empty description="Chưa có ý kiến xử lý" />;
  return <Timeline items={items} />;
}

export function EntryVersions({
  entry,
  agencyId,
  current,
  onView,
}: {
  entry: EntryDetail;
  agencyId: string;
  current?: FileVersion;
  onView: (v: FileVersion) => void;
}) {
  return (
    <List
      size="small"
      dataSource={[...entry.versions].sort((a, b) => b.seq - a.seq)}
      renderItem={(v) => (
        <List.Item
          actions={[
            ...(isPdf(v)
              ? [
                  <a
                    key="view"
                    onClick={() => onView(v)}
                    role="button"
                    tabIndex={0}
                    onKeyDown={(e) => e.key === 'Enter' && onView(v)}
                  >
                    {current?.id === v.id ? 'Đang xem' : 'Xem'}
                  </a>,
                ]
              : []),
            <a key="dl" href={api.fileUrl(agencyId, entry.id, v.id)} download={v.fileName}>
              Tải xuống
            </a>,
          ]}
        >
          <List.Item.Meta
            title={`${v.seq}. ${label(FILE_KIND_LABELS, v.kind)} — ${v.fileName}${v.fileIndex > 0 ? ` (phụ lục ${v.fileIndex})` : ''}`}
            description={
              <>
                {formatDateTime(v.createdAt)} · {formatKb(v.sizeBytes)}{' '}
                {isPdf(v) ? <VerdictTag verdict={v.verificationVerdict} /> : <NotPdfTag />}
                <ActiveContentTag report={entry.verificationReports[v.id]} />
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** A received attachment that is not a PDF: kept as it came, no signature was checked. */
function NotPdfTag() {
  return <Tag>Không phải PDF, không kiểm tra chữ ký</Tag>;
}

/**
 * The files of a received document that the viewer cannot show (Word, Excel, images, archives
 * that came with the PDF), to save and open on the clerk's computer.
 */
export function OtherFiles({ entry, agencyId }: { entry: EntryDetail; agencyId: string }) {
  const others = entry.files.filter((f) => !isPdf(f));
  if (others.length === 0) return null;
  return (
    <Space wrap aria-label="Tệp đính kèm khác" style={{ marginBottom: 12 }}>
      <span className="muted">Tệp đính kèm khác:</span>
      {others.map((f) => (
        <a key={f.id} href={api.fileUrl(agencyId, entry.id, f.id)} download={f.fileName}>
          {f.fileName} ({formatKb(f.sizeBytes)})
        </a>
      ))}
      <NotPdfTag />
    </Space>
  );
}

/** Nơi nhận and the status each recipient reported back (edXML 01…06), plus replies. */
export function EntryDeliveries({ entry, agencyId }: { entry: EntryDetail; agencyId: string }) {
  if (!entry.deliveries.length && !entry.recipients.length && !entry.replies.length)
    return <Empty description="Chưa gửi văn bản" />;
  return (
    <>
      <List
        size="small"
        header={<Typography.Text strong>Nơi nhận</Typography.Text>}
        dataSource={entry.deliveries}
        locale={{ emptyText: entry.recipients.map((r) => r.organName).join('; ') || 'Chưa gửi' }}
        renderItem={(d) => (
          <List.Item data-testid="delivery">
            <List.Item.Meta
              title={d.organName}
              description={
                <>
                  <div>
                    {label(DELIVERY_STATE_LABELS, d.state)}
                    {d.statusCode && ` — trạng thái ${d.statusCode}: ${d.statusDescription ?? ''}`}
                  </div>
                  <div className="muted">
                    {d.statuses
                      .map((s) => `${s.code} ${s.description} (${formatDateTime(s.at)})`)
                      .join(' → ')}
                  </div>
                </>
              }
            />
          </List.Item>
        )}
      />
      {entry.replies.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>Văn bản trả lời</Typography.Text>}
          dataSource={entry.replies}
          renderItem={(r) => (
            <List.Item>
              {r.id ? (
                <Link to={`/co-quan/${agencyId}/van-ban/${r.id}`}>{r.numberNotation}</Link>
              ) : (
                r.numberNotation
              )}{' '}
              — {r.organName}
            </List.Item>
          )}
        />
      )}
    </>
  );
}
