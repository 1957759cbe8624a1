import { Alert } from 'antd';
import type { VerificationReport } from '../../client/types';
import { ToneTag } from '../../ui/tone-tag';

type Findings = NonNullable<VerificationReport['activeContent']>;

/** What the verifier found that acts by itself (scripts, embedded files, automatic actions). */
export const activeContentOf = (report: VerificationReport | undefined): Findings =>
  report?.activeContent ?? [];

/** The tag beside a file's verdict: the signatures may be valid and the file still carry a script. */
export function ActiveContentTag({ report }: { report: VerificationReport | undefined }) {
  const found = activeContentOf(report);
  if (!found.length) return null;
  return (
    <ToneTag tone="orange" title={found.map((f) => f.message).join('; ')}>
      Có nội dung chủ động
    </ToneTag>
  );
}

/**
 * The warning with what was found. The viewer never runs any of it (pdf.js without scripting);
 * another PDF reader might, hence the advice about the downloaded file.
 */
export function ActiveContentAlert({ findings, fileName }: { findings: Findings; fileName?: string }) {
  if (!findings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="active-content"
      style={{ marginBottom: 8 }}
      title={`${fileName ? `Tệp "${fileName}"` : 'Tệp'} có nội dung chủ động`}
      description={
        <>
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {findings.map((f) => (
              <li key={f.kind}>
                {f.message}
                {f.objects.length ? ` (đối tượng ${f.objects.slice(0, 5).join(', ')})` : ''}
              </li>
            ))}
          </ul>
          Hệ thống không chạy các nội dung này khi hiển thị văn bản; cẩn thận khi mở tệp tải về bằng phần mềm
          khác.
        </>
      }
    />
  );
}
