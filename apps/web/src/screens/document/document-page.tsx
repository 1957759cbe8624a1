import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../client/http';
import type { FileVersion } from '../../client/types';
import { DeadlineTag } from '../../ui/deadline-tag';
import { PriorityTag } from '../../ui/priority-tag';
import { StatusTag } from '../../ui/status-tag';
import { EntryActions } from '../actions/entry-actions';
import { NotFoundPage } from '../not-found-page';
import { entryQuery, mainFile } from './document-queries';
import { DocumentViewer } from './document-viewer-loader';
import { EntryDeliveries, EntryFacts, EntryHistory, EntryVersions, OtherFiles } from './entry-info';

const DONE = new Set(['closed', 'returned', 'recalled', 'issued', 'replaced']);

/** Xem văn bản: data, actions, the PDF with its signatures, history, versions and deliveries. */
export default function DocumentPage() {
  const { agencyId = '', entryId = '' } = useParams();
  const entry = useQuery(entryQuery(agencyId, entryId));
  const [viewing, setViewing] = useState<FileVersion | null>(null);

  if (entry.isPending) return <Spin description="Đang tải văn bản…" />;
  if (entry.isError) {
    const e = entry.error;
    if (e instanceof ApiError && (e.status === 404 || e.code === 'VALIDATION_FAILED'))
      return <NotFoundPage />;
    return <Alert type="error" showIcon title={(e as Error).message} />;
  }
  const d = entry.data;
  const main = viewing ?? mainFile(d);
  const tabs = [
    { key: 'facts', label: 'Chi tiết', children: <EntryFacts entry={d} /> },
    { key: 'history', label: 'Xử lý', children: <EntryHistory entry={d} agencyId={agencyId} /> },
    {
      key: 'versions',
      label: 'Phiên bản',
      children: <EntryVersions entry={d} agencyId={agencyId} current={main} onView={setViewing} />,
    },
    { key: 'deliveries', label: 'Gửi nhận', children: <EntryDeliveries entry={d} agencyId={agencyId} /> },
  ];

  return (
    <>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 20 }}>
        {d.numberNotation ? `${d.numberNotation} — ` : ''}
        {d.subject}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={d.status} />
        <PriorityTag priority={d.priority} />
        {d.direction === 'incoming' && <DeadlineTag dueDate={d.dueDate} done={DONE.has(d.status)} />}
        <span className="muted">{d.organName}</span>
      </Space>
      <div style={{ marginBottom: 16 }}>
        <EntryActions entry={d} agencyId={agencyId} />
      </div>
      <OtherFiles entry={d} agencyId={agencyId} />
      {main ? (
        <DocumentViewer
          key={main.id}
          agencyId={agencyId}
          entryId={d.id}
          file={main}
          storedReport={d.verificationReports[main.id]}
          tabs={tabs}
        />
      ) : (
        <Alert type="info" title="Văn bản không có tệp điện tử." />
      )}
    </>
  );
}
