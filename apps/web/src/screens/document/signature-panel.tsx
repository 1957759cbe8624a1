import { Alert, Button, Descriptions, Empty, List, Space, Typography } from 'antd';
import type { ReportedSignature, VerificationReport } from '../../client/types';
import { formatDate, formatDateTime } from '../../ui/format';
import { VERDICT_LABELS } from '../../ui/labels';
import { VerdictTag } from '../../ui/status-tag';
import { ActiveContentAlert, activeContentOf } from './active-content';

const reasonText = (r: { message?: string; code?: string } | string) =>
  typeof r === 'string' ? r : (r.message ?? r.code ?? '');

const KIND: Record<string, string> = { signature: 'Chữ ký số', timestamp: 'Dấu thời gian' };

function summary(report: VerificationReport): {
  type: 'success' | 'error' | 'warning' | 'info';
  text: string;
} {
  if (report.signatures.length === 0) return { type: 'info', text: 'Tệp không có chữ ký số.' };
  if (report.verdict === 'valid')
    return {
      type: 'success',
      text: `Tất cả ${report.signatures.length} chữ ký số hợp lệ; văn bản không bị sửa đổi sau khi ký.`,
    };
  if (report.verdict === 'invalid')
    return {
      type: 'error',
      text: 'Có chữ ký số không hợp lệ: văn bản đã bị sửa đổi sau khi ký hoặc chứng thư số không đáng tin cậy.',
    };
  return {
    type: 'warning',
    text: 'Chưa xác định được đầy đủ tính hợp lệ của chữ ký số (xem chi tiết từng chữ ký).',
  };
}

function SignatureItem({ s, onShow }: { s: ReportedSignature; onShow?: () => void }) {
  const changes = s.changesAfter ?? [];
  return (
    <div className="panel" style={{ marginBottom: 12 }} data-testid="signature-item">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>
          {KIND[s.type] ?? s.type} {s.index}: {s.signer?.commonName ?? 'Không rõ người ký'}
        </Typography.Text>
        <VerdictTag verdict={s.verdict} />
      </Space>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'org', label: 'Cơ quan, tổ chức', children: s.signer?.organization ?? '' },
          {
            key: 'time',
            label: 'Thời gian ký',
            children: `${formatDateTime(s.signingTime)}${s.signingTimeSource === 'claimed' ? ' (theo máy ký)' : ''}`,
          },
          {
            key: 'cert',
            label: 'Chứng thư số',
            children: s.signer
              ? `Số hiệu ${s.signer.serialNumber}, hiệu lực ${formatDate(s.signer.notBefore)} – ${formatDate(s.signer.notAfter)}`
              : '',
          },
          { key: 'issuer', label: 'Tổ chức cấp', children: s.signer?.issuer ?? '' },
          {
            key: 'trust',
            label: 'Tin cậy',
            children: s.trusted
              ? 'Chứng thư do tổ chức chứng thực tin cậy cấp'
              : 'Chưa xác định được nguồn tin cậy',
          },
          {
            key: 'rev',
            label: 'Thu hồi',
            children:
              s.revocation?.status === 'good'
                ? 'Chưa bị thu hồi'
                : s.revocation
                  ? s.revocation.status
                  : 'Chưa kiểm tra',
          },
          {
            key: 'changes',
            label: 'Thay đổi sau khi ký',
            children: changes.length
              ? changes.map((c, i) => (
                  <div key={i}>
                    {c.allowed ? 'Được phép: ' : 'Không được phép: '}
                    {c.message}
                  </div>
                ))
              : 'Không có',
          },
        ]}
      />
      {s.reasons.length > 0 && (
        <List
          size="small"
          dataSource={s.reasons.map(reasonText)}
          renderItem={(r) => <List.Item>{r}</List.Item>}
        />
      )}
      {onShow && (
        <Button size="small" onClick={onShow} style={{ marginTop: 8 }}>
          Xem vị trí chữ ký trên văn bản
        </Button>
      )}
    </div>
  );
}

/** "Thông tin chữ ký số": the verifier's report in plain Vietnamese, one block per signature. */
export function SignaturePanel({
  report,
  onShow,
}: {
  report: VerificationReport | undefined;
  onShow?: (s: ReportedSignature) => void;
}) {
  if (!report) return <Empty description="Chưa có kết quả kiểm tra chữ ký số" />;
  const head = summary(report);
  return (
    <section aria-label="Thông tin chữ ký số">
      <Alert
        type={head.type}
        showIcon
        title={`Kết quả: ${VERDICT_LABELS[report.verdict] ?? report.verdict}`}
        description={head.text}
        style={{ marginBottom: 12 }}
      />
      <ActiveContentAlert findings={activeContentOf(report)} />
      {(report.documentReasons ?? [])
        // the findings above say it in detail
        .filter(
          (r) => !(activeContentOf(report).length && typeof r !== 'string' && r.code === 'ACTIVE_CONTENT'),
        )
        .map((r, i) => (
          <Alert key={i} type="warning" title={reasonText(r)} style={{ marginBottom: 8 }} />
        ))}
      {report.signatures.map((s) => (
        <SignatureItem key={s.index} s={s} onShow={onShow && s.fieldName ? () => onShow(s) : undefined} />
      ))}
    </section>
  );
}
