import { Alert, Button, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { VerificationReport } from '../../client/types';
import { api } from '../../client/vanthu-api';
import { FilePicker } from '../../ui/file-picker';
import { SignaturePanel } from '../document/signature-panel';

/**
 * Xác thực văn bản: anyone (a citizen, another agency) uploads a signed PDF and reads the
 * verifier's report in plain Vietnamese. No login; the server keeps nothing and limits the size and
 * the number of checks per minute.
 */
export default function PublicVerifyPage() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<VerificationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError('Vui lòng chọn tệp PDF cần xác thực.');
      return;
    }
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      setReport(await api.publicVerify(file));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 860, margin: '0 auto', padding: '32px 24px' }}>
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        Xác thực văn bản điện tử
      </Typography.Title>
      <Typography.Paragraph>
        Chọn tệp PDF văn bản điện tử đã ký số để kiểm tra: ai đã ký, ký lúc nào, chứng thư số có đáng tin cậy
        không và văn bản có bị sửa đổi sau khi ký không. Tệp chỉ được kiểm tra, không được lưu lại.
      </Typography.Paragraph>
      <form onSubmit={submit} className="panel" style={{ marginBottom: 24 }}>
        <label htmlFor="verify-file" style={{ display: 'block', marginBottom: 8 }}>
          Tệp văn bản (PDF)
        </label>
        <FilePicker
          id="verify-file"
          accept="application/pdf,.pdf"
          onChange={(files) => {
            setFile(files[0] ?? null);
            setReport(null);
            setError(null);
          }}
        />
        <div style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            Xác thực
          </Button>
        </div>
      </form>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {report && (
        <div aria-live="polite">
          <Typography.Title level={2} style={{ fontSize: 20 }}>
            Kết quả xác thực: {file?.name}
          </Typography.Title>
          <SignaturePanel report={report} />
        </div>
      )}
      <Typography.Paragraph style={{ marginTop: 32 }}>
        <Link to="/dang-nhap">Đăng nhập hệ thống quản lý văn bản</Link>
      </Typography.Paragraph>
    </main>
  );
}
