import type { CaseFileDocument } from './register-print.types';

const LEADING_NUMBER = /^\s*(\d+)/;

function compareNotation(a: string, b: string): number {
  // "5/QĐ-UBND" before "12/QĐ-UBND": the number is a number, not text.
  const na = LEADING_NUMBER.exec(a);
  const nb = LEADING_NUMBER.exec(b);
  if (na && nb && na[1] !== nb[1]) return Number(na[1]) - Number(nb[1]);
  return a.localeCompare(b, 'vi');
}

/** A file's documents in date order (ND30: files export in date order), then by number; stable. */
export function sortCaseFileDocuments(documents: readonly CaseFileDocument[]): CaseFileDocument[] {
  return [...documents].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : compareNotation(a.numberNotation, b.numberNotation),
  );
}
