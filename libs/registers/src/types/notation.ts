/** Numbers below 10 get a leading zero (ND30): 1 → "01", 12 → "12". */
export function formatDocumentNumber(number: number): string {
  return number < 10 ? `0${number}` : String(number);
}

export interface NotationParts {
  /** The type's abbreviation (QĐ, TB…); null for Công văn. */
  typeAbbreviation: string | null;
  /** The issuing agency's abbreviation (UBND). */
  issuerAbbreviation: string;
  /** The drafting unit's abbreviation (VP), used by Công văn. */
  unitAbbreviation?: string | null;
}

/**
 * The notation after the "/" (ND30 §2): `QĐ-UBND` for a typed document, `UBND-VP` for a Công văn
 * (issuer then drafting unit). Groups joined by "-", no spaces; the issuer's and unit's groups are
 * upper case, the type's keeps the decree's spelling (QyĐ, TTr, CTr are mixed case in ND30).
 */
export function composeNotation(parts: NotationParts): string {
  const compact = (g: string | null | undefined) => (g ?? '').replace(/\s+/g, '');
  const upper = (g: string | null | undefined) => compact(g).toLocaleUpperCase('vi');
  const groups = parts.typeAbbreviation
    ? [compact(parts.typeAbbreviation), upper(parts.issuerAbbreviation)]
    : [upper(parts.issuerAbbreviation), upper(parts.unitAbbreviation)];
  return groups.filter((g) => g.length > 0).join('-');
}

/** `12/QĐ-UBND`. */
export function numberNotation(number: number | string, notation: string): string {
  const n = typeof number === 'number' ? formatDocumentNumber(number) : number;
  return `${n}/${notation}`;
}

/** edXML DocumentId: `<OrganId>,<yyyy/MM/dd>,<number>/<notation>`. */
export function documentIdentifier(organId: string, issuedDate: string, numberAndNotation: string): string {
  return `${organId},${issuedDate.replaceAll('-', '/')},${numberAndNotation}`;
}
