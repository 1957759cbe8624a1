import { AppException } from '@vanthu/shared';
import { pdfSigningError } from '../../pdf-signing.errors';
import { findActiveContent } from '../verify-pdf';
import { foundText } from './active-content-reason';

/**
 * For a PDF about to be signed on behalf of a government body (a draft, a new version, a copy):
 * throws PDF_ACTIVE_CONTENT naming what was found when it carries any active content, and
 * PDF_NOT_PDF / PDF_MALFORMED / PDF_ENCRYPTED when it cannot be read. A signed government document
 * carries no active content (issue 13 §3).
 */
export function refuseActiveContent(pdf: Buffer, fileName?: string): void {
  const findings = findActiveContent(pdf);
  if (findings.length === 0) return;
  const base = pdfSigningError('PDF_ACTIVE_CONTENT');
  const file = fileName === undefined ? 'Tệp PDF' : `Tệp "${fileName}"`;
  throw new AppException(
    base.code,
    `${file} chứa nội dung chủ động. ${foundText(findings)} ${base.message}`,
    base.status,
    { kinds: findings.map((f) => f.kind), ...(fileName === undefined ? {} : { fileName }) },
  );
}
