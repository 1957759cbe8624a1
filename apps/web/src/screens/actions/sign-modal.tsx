import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Form, Input, Modal, Row, Select, Spin, Typography } from 'antd';
import { type PointerEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../client/http';
import type { EntryDetail } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { useSession } from '../../session/session-context';
import { mainFile } from '../document/document-queries';
import { openPdf, type PdfRect } from '../document/pdf-document';
import { cssBox, type PageGeometry, PdfPages } from '../document/pdf-pages';
import { defaultPlacement } from './signature-placement';
import { useEntryAction } from './use-entry-action';

const PREVIEW_WIDTH = 520;

/** The server could not place the signature itself: the signer places it by hand. */
const PLACE_BY_HAND = ['PLACEMENT_NOT_FOUND', 'SIGNER_NAME_MISMATCH'];

/**
 * Ký số: choose the personal certificate, see on the page where the signature will go, drag it
 * elsewhere if needed, enter the passphrase and sign. The passphrase goes to the server for this
 * one request and is never kept. Loaded on demand (pdf.js).
 *
 * Until the signer moves the box, the server places the signature itself: it then also checks that
 * the name printed under the title is the signer's (SIGNER_NAME_MISMATCH). When it cannot place it
 * (no signer block, another name) the modal says why and the signer drags the box to the right
 * place; from then on the box shown is exactly where the signature goes.
 */
export default function SignModal({
  entry,
  agencyId,
  onClose,
}: {
  entry: EntryDetail;
  agencyId: string;
  onClose: () => void;
}) {
  const session = useSession();
  const action = useEntryAction();
  const [form] = Form.useForm<{ certificateId: string; passphrase: string }>();
  const main = mainFile(entry);
  const certificates = useQuery({
    queryKey: ['certificates', agencyId],
    queryFn: () => api.certificates(agencyId),
  });
  const mine = (certificates.data ?? []).filter(
    (c) =>
      c.kind === 'personal' && c.ownerUserId === session.me.userId && c.status === 'active' && !c.expired,
  );
  const doc = useQuery({
    queryKey: ['sign-preview', main?.id],
    queryFn: async () => {
      const res = await fetch(api.fileUrl(agencyId, entry.id, main!.id), { credentials: 'same-origin' });
      const pdf = await openPdf(await res.arrayBuffer());
      return {
        pdf,
        placement: await defaultPlacement(pdf, entry.signerInfo?.fullName ?? session.me.fullName),
      };
    },
    enabled: !!main,
    staleTime: Infinity,
  });
  const [placement, setPlacement] = useState<{ page: number; rect: PdfRect } | null>(null);
  const [byHand, setByHand] = useState(false);
  const refusedPlacement = action.error instanceof ApiError && PLACE_BY_HAND.includes(action.error.code);
  // too many wrong passphrases: the server refuses every try for a while; the message says how long
  const locked = action.error instanceof ApiError && action.error.code === 'P12_LOCKED';
  useEffect(() => {
    if (doc.data && !placement) setPlacement(doc.data.placement);
  }, [doc.data, placement]);
  const preview = useRef<HTMLDivElement>(null);
  // bring the page with the signature into view once it is drawn
  const onPageRendered = useCallback(
    (page: number) => {
      if (page === placement?.page && !drag.current)
        preview.current?.querySelector('[data-testid="signature-box"]')?.scrollIntoView({ block: 'center' });
    },
    [placement?.page],
  );
  useEffect(() => {
    if (mine.length && !form.getFieldValue('certificateId')) form.setFieldValue('certificateId', mine[0].id);
  }, [mine, form]);

  const drag = useRef<{ x: number; y: number; rect: PdfRect; g: PageGeometry } | null>(null);
  const onDown = (g: PageGeometry) => (e: PointerEvent<HTMLDivElement>) => {
    if (!placement) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setByHand(true);
    drag.current = { x: e.clientX, y: e.clientY, rect: placement.rect, g };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || !placement) return;
    const dx = (e.clientX - d.x) / d.g.scale;
    const dy = (e.clientY - d.y) / d.g.scale;
    const pageWidth = PREVIEW_WIDTH / d.g.scale;
    const x = Math.min(Math.max(0, d.rect.x + dx), pageWidth - d.rect.width);
    const y = Math.min(Math.max(0, d.rect.y - dy), d.g.heightPt - d.rect.height);
    setPlacement({ page: placement.page, rect: { ...d.rect, x, y } });
  };
  const onUp = () => (drag.current = null);

  const submit = async () => {
    const v = await form.validateFields();
    const done = await action.run(
      () =>
        api.outgoing.sign(agencyId, entry.id, {
          version: entry.version,
          passphrase: v.passphrase,
          certificateId: v.certificateId,
          placement:
            placement && byHand
              ? {
                  page: placement.page,
                  rect: {
                    ...placement.rect,
                    x: Math.round(placement.rect.x),
                    y: Math.round(placement.rect.y),
                  },
                }
              : undefined,
        }),
      'Đã ký số văn bản.',
    );
    if (done) onClose();
    else form.setFieldValue('passphrase', '');
  };
  // after a refusal to place, the box is what will be sent even if the signer leaves it there
  useEffect(() => {
    if (refusedPlacement) setByHand(true);
  }, [refusedPlacement]);
  const keyboardMove = (dx: number, dy: number) => {
    if (!placement) return;
    setByHand(true);
    setPlacement({
      page: placement.page,
      rect: { ...placement.rect, x: placement.rect.x + dx, y: placement.rect.y + dy },
    });
  };

  return (
    <Modal
      title="Ký số văn bản"
      open
      width={1000}
      style={{ top: 24 }}
      okText="Ký số"
      cancelText="Hủy"
      confirmLoading={action.busy}
      okButtonProps={{ disabled: locked }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Typography.Paragraph>
            {byHand
              ? `Chữ ký sẽ được đặt đúng vào khung (trang ${placement?.page ?? '…'}); kéo khung hoặc dùng phím mũi tên để chỉnh.`
              : `Vị trí chữ ký dự kiến (trang ${placement?.page ?? '…'}), giữa chức vụ và họ tên người ký; kéo khung để đặt chữ ký vào chỗ khác.`}
          </Typography.Paragraph>
          <div
            ref={preview}
            tabIndex={0}
            aria-label="Trang văn bản và vị trí chữ ký"
            style={{
              height: 'min(520px, calc(100vh - 260px))',
              overflow: 'auto',
              background: '#e8e8e8',
              padding: 8,
            }}
          >
            {doc.isPending && <Spin description="Đang mở văn bản…" />}
            {doc.data && placement && (
              <PdfPages
                pdf={doc.data.pdf}
                width={PREVIEW_WIDTH}
                onPageSettled={onPageRendered}
                overlay={(page, g) =>
                  page === placement.page ? (
                    <div
                      className="signature-box"
                      data-testid="signature-box"
                      role="img"
                      aria-label="Vị trí chữ ký số"
                      tabIndex={0}
                      onKeyDown={(e) => {
                        const step = e.shiftKey ? 20 : 5;
                        const move: Record<string, [number, number]> = {
                          ArrowLeft: [-step, 0],
                          ArrowRight: [step, 0],
                          ArrowUp: [0, step],
                          ArrowDown: [0, -step],
                        };
                        if (!move[e.key]) return;
                        e.preventDefault();
                        keyboardMove(...move[e.key]);
                      }}
                      style={cssBox(placement.rect, g)}
                      onPointerDown={onDown(g)}
                      onPointerMove={onMove}
                      onPointerUp={onUp}
                    />
                  ) : null
                }
              />
            )}
          </div>
        </Col>
        <Col span={10}>
          <Form form={form} layout="vertical">
            <Form.Item
              label="Chứng thư số"
              name="certificateId"
              rules={[{ required: true, message: 'Chọn chứng thư số' }]}
            >
              <Select
                options={mine.map((c) => ({
                  value: c.id,
                  // the serial's end tells two certificates of one person apart (after a renewal)
                  label: `${c.subject.split(',')[0].replace('CN=', '')} — số hiệu …${c.serialNumber.slice(-8)} — hết hạn sau ${c.daysLeft} ngày`,
                }))}
                placeholder={certificates.isPending ? 'Đang tải…' : 'Không có chứng thư số cá nhân'}
              />
            </Form.Item>
            <Form.Item
              label="Mật khẩu chứng thư số"
              name="passphrase"
              rules={[{ required: true, message: 'Nhập mật khẩu chứng thư số' }]}
            >
              <Input.Password autoComplete="off" disabled={locked} onPressEnter={() => void submit()} />
            </Form.Item>
          </Form>
          {action.error && (
            <Alert
              type={refusedPlacement ? 'warning' : 'error'}
              showIcon
              role="alert"
              title={action.error.message}
              description={
                refusedPlacement
                  ? 'Hãy kéo khung chữ ký (bên trái) đến đúng chỗ ký trên văn bản rồi bấm Ký số lại: chữ ký sẽ được đặt vào khung.'
                  : undefined
              }
            />
          )}
        </Col>
      </Row>
    </Modal>
  );
}
