import { type ParsedEdocPackage, registerFieldsFromEdoc } from '@vanthu/edxml';
import type { ReceivedDocumentFields } from './exchange-inbox.port';

/** Công văn: the type of a received document whose TypeName is not an ND30 type (the clerk corrects it). */
const FALLBACK_TYPE = 'CV';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const cut = (value: string | null, max: number): string | null =>
  value === null ? null : value.length > max ? value.slice(0, max) : value;

/**
 * A received package's header in the registers' fields, cut to their column sizes (domain.md §2
 * maxima): a package from elsewhere may carry longer text, and an overlong field must not make the
 * whole delivery fail again and again.
 */
export function receivedDocumentFields(pkg: ParsedEdocPackage): ReceivedDocumentFields {
  const f = registerFieldsFromEdoc(pkg.header);
  const smallint = (n: number | null) =>
    n !== null && Number.isInteger(n) && n >= 0 && n < 32768 ? n : null;
  return {
    documentTypeCode: f.typeCode ?? FALLBACK_TYPE,
    codeNumber: cut(f.codeNumber, 11),
    codeNotation: cut(f.codeNotation, 30),
    issuedDate: f.issuedDate && DATE.test(f.issuedDate) ? f.issuedDate : null,
    subject: cut(f.subject.trim() || '(không có trích yếu)', 500)!,
    organId: cut(f.organId, 35),
    organName: cut(f.organName, 200),
    signerPosition: cut(f.signerPosition, 100),
    signerName: cut(f.signerName, 50),
    priority: f.priority,
    pageAmount: smallint(f.pageAmount),
    issuedAmount: smallint(pkg.header.otherInfo.promulgationAmount ?? null),
    description: cut(f.description, 500),
    toPlaces: cut(f.toPlaces, 1000),
    dueDate: f.dueDate && DATE.test(f.dueDate) ? f.dueDate : null,
    documentIdentifier: cut(f.documentIdentifier, 120),
  };
}
