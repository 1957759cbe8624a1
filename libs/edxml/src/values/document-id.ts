import { formatEdxmlDate, readEdxmlDate } from './edxml-date';

/** edXML DocumentId: `<OrganId>,<yyyy/MM/dd>,<number>/<notation>` (domain.md §4). */
export function composeDocumentId(
  organId: string,
  date: string,
  codeNumber: string,
  codeNotation: string,
): string {
  return `${organId},${formatEdxmlDate(date)},${codeNumber}/${codeNotation}`;
}

export interface DocumentIdParts {
  readonly organId: string;
  /** `YYYY-MM-DD`, undefined when the date part names no real day */
  readonly date?: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
}

/**
 * The parts of a DocumentId in the standard's shape (any date form readEdxmlDate reads), or
 * undefined for anything else: a bare UUID, an empty value, a missing part.
 */
export function parseDocumentId(raw: string): DocumentIdParts | undefined {
  const m = /^([^,\s]+),([^,]+),([^,/]+)\/([^,]+)$/.exec(raw.trim());
  if (!m) return undefined;
  return {
    organId: m[1],
    date: readEdxmlDate(m[2]).value,
    codeNumber: m[3].trim(),
    codeNotation: m[4].trim(),
  };
}
