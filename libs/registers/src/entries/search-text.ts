import { foldVietnamese } from '@vanthu/shared';
import type { RegisterEntryEntity } from './register-entry.entity';

type Searchable = Pick<
  RegisterEntryEntity,
  | 'subject'
  | 'codeNumber'
  | 'codeNotation'
  | 'organName'
  | 'organId'
  | 'signerName'
  | 'description'
  | 'toPlaces'
  | 'documentIdentifier'
>;

/**
 * What full-text search sees of an entry, folded (no diacritics, lower case, full-width letters
 * plain) so that "quyet dinh" finds "Quyết định". PostgreSQL turns it into `search_vector` (a
 * generated column, GIN-indexed). The number-notation is added whole and in parts so
 * "12/QĐ-UBND", "12" and "qd-ubnd" all match. The name of the document's type comes last ("tên loại
 * và trích yếu" is one column of the register: a clerk looks for "quyết định …" whether or not the
 * subject repeats it); migration 1764100000411 appended it to the rows written before.
 */
export function buildSearchText(entry: Searchable, typeName: string | null): string {
  const notation =
    entry.codeNumber && entry.codeNotation ? `${entry.codeNumber}/${entry.codeNotation}` : entry.codeNotation;
  const parts = [
    entry.subject,
    notation,
    entry.codeNumber,
    entry.codeNotation?.replaceAll('-', ' '),
    entry.organName,
    entry.organId,
    entry.signerName,
    entry.description,
    entry.toPlaces,
    typeName,
  ];
  return foldVietnamese(parts.filter((p): p is string => !!p).join(' '));
}

/**
 * A user's query as a tsquery over the folded words: every word must match, the last one as a
 * prefix (so a clerk can type "quyet dinh phe du"). Characters with tsquery meaning are dropped,
 * so any input is safe. Returns null when nothing searchable is left ("*", "%", an emoji): the
 * caller must then find nothing, not treat it as no query.
 */
export function toPrefixTsQuery(query: string): string | null {
  const words = foldVietnamese(query)
    .split(/[^\p{L}\p{N}.]+/u)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}
