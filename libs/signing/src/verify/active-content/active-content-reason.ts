import { reason, type VerificationReason } from '../verification-reasons';
import type { ActiveContentFinding } from './active-content-kinds';

/** ACTIVE_CONTENT for a report, its message naming what was found. */
export function activeContentReason(findings: readonly ActiveContentFinding[]): VerificationReason {
  const base = reason('ACTIVE_CONTENT', { kinds: findings.map((f) => f.kind) });
  return { ...base, message: `${foundText(findings)} ${base.message}` };
}

/** "Phát hiện: mã JavaScript; tệp nhúng kèm bên trong tệp PDF." */
export function foundText(findings: readonly ActiveContentFinding[]): string {
  const hidden = findings.some((f) => f.unlisted) ? ' (có phần nằm ngoài bảng tham chiếu chéo của tệp)' : '';
  return `Phát hiện: ${findings.map((f) => f.message).join('; ')}${hidden}.`;
}
