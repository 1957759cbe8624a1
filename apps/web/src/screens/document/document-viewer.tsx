import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Row, Space, Spin, Tabs } from 'antd';
import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { FileVersion, ReportedSignature, VerificationReport } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { pdfQuery } from './document-queries';
import { type PdfRect, signatureWidgets } from './pdf-document';
import { cssBox, PdfPages } from './pdf-pages';
import { SignaturePanel } from './signature-panel';

/**
 * Xem văn bản: the PDF rendered by pdf.js beside "Thông tin chữ ký số". The report is the one
 * stored when the document arrived; for our own documents it is computed now by the server's
 * verifier from the same bytes. Clicking a signature scrolls to its widget and outlines it.
 * Loaded on demand: pdf.js is not part of the first page.
 */
export default function DocumentViewer({
  agencyId,
  entryId,
  file,
  storedReport,
  tabs,
}: {
  agencyId: string;
  entryId: string;
  file: FileVersion;
  storedReport?: VerificationReport;
  tabs: { key: string; label: string; children: ReactNode }[];
}) {
  const url = api.fileUrl(agencyId, entryId, file.id);
  const doc = useQuery(pdfQuery(agencyId, entryId, file));
  // The server's verification is asked for once the first page is drawn (or could not be): on a
  // busy server it would otherwise take the CPU the first page needs.
  const [firstDrawn, setFirstDrawn] = useState(false);
  const report = useQuery({
    queryKey: ['report', file.id],
    queryFn: () => api.verify(new File([doc.data!.bytes], file.fileName, { type: 'application/pdf' })),
    enabled: !storedReport && !!doc.data && firstDrawn,
    staleTime: Infinity,
  });
  const onPageSettled = useCallback((page: number) => {
    if (page === 1) setFirstDrawn(true);
  }, []);
  const widgets = useQuery({
    queryKey: ['widgets', file.id],
    queryFn: () => signatureWidgets(doc.data!.pdf),
    enabled: !!doc.data,
    staleTime: Infinity,
  });
  const [highlight, setHighlight] = useState<{ page: number; rect: PdfRect } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The pages are drawn once, at the width measured before the first paint (not at a guess first).
  const [width, setWidth] = useState<number>();
  useLayoutEffect(() => {
    setWidth(Math.min(900, (scroller.current?.clientWidth ?? 744) - 24));
  }, []);

  const show = useCallback(
    (s: ReportedSignature) => {
      const w = s.fieldName ? widgets.data?.get(s.fieldName) : undefined;
      if (!w) return;
      setHighlight(w);
      scroller.current
        ?.querySelector(`[data-page="${w.page}"]`)
        ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    },
    [widgets.data],
  );

  const finalReport = storedReport ?? report.data;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={13}>
        <Space style={{ marginBottom: 8 }}>
          <Button href={url} download={file.fileName}>
            Tải xuống {file.fileName}
          </Button>
        </Space>
        <div
          ref={scroller}
          style={{
            height: 'calc(100vh - 260px)',
            minHeight: 420,
            overflow: 'auto',
            background: '#e8e8e8',
            padding: 12,
          }}
          aria-label="Nội dung văn bản"
          tabIndex={0}
        >
          {doc.isPending && <Spin description="Đang mở văn bản…" />}
          {doc.isError && <Alert type="error" title={(doc.error as Error).message} />}
          {doc.data && width !== undefined && (
            <PdfPages
              pdf={doc.data.pdf}
              width={width}
              onPageSettled={onPageSettled}
              overlay={(page, g) =>
                highlight && highlight.page === page ? (
                  <div
                    className="signature-highlight"
                    data-testid="signature-highlight"
                    style={cssBox(highlight.rect, g)}
                  />
                ) : null
              }
            />
          )}
        </div>
      </Col>
      <Col xs={24} xl={11}>
        {/* the panel is drawn after the first page (or once the document failed): it is the
            screen's heaviest part after the page itself, and the page is what the reader waits for */}
        {!firstDrawn && !doc.isError ? (
          <Spin description="Đang kiểm tra chữ ký số…" />
        ) : (
          <Tabs
            size="small"
            items={[
              {
                key: 'signatures',
                label: 'Thông tin chữ ký số',
                children:
                  !storedReport && report.isPending && !doc.isError ? (
                    <Spin description="Đang kiểm tra chữ ký số…" />
                  ) : (
                    <SignaturePanel report={finalReport} onShow={show} />
                  ),
              },
              ...tabs,
            ]}
          />
        )}
      </Col>
    </Row>
  );
}
