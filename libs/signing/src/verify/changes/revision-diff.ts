import { PdfRevision } from '../pdf-reader/pdf-revision';
import { PdfParser } from '../pdf-reader/pdf-parser';
import { PdfRef, PdfStream, PdfValue } from '../pdf-reader/pdf-values';
import { compareCatalogs } from './catalog-changes';
import { ChangeKind } from './change-kinds';
import { AddChange, compareAnnotations, compareFields, comparePages } from './list-changes';
import { classifyObjectChange } from './object-change-rules';
import { RevisionGraph } from './revision-graph';
import { changedKeys, pdfValuesEqual } from './value-equality';

/** kind → object numbers, for one revision compared with the one before it */
export type ChangeSet = Map<ChangeKind, Set<number>>;

export interface RevisionChanges {
  readonly kinds: ChangeSet;
  /** full field names of the changed field and widget objects (to apply FieldMDP locks) */
  readonly fieldOf: Map<number, string>;
  /**
   * the signature field (object number) each object of a SIGNATURE_ADDED or DOC_TIMESTAMP_ADDED
   * change belongs to: whether the change stands depends on that field's own signature
   */
  readonly signatureFieldOf: Map<number, number[]>;
}

const SIGNATURE_KINDS = new Set<ChangeKind>(['SIGNATURE_ADDED', 'DOC_TIMESTAMP_ADDED']);

/**
 * What `newer` changed relative to `older`: every object whose stored bytes moved and whose value is
 * really different is classified by its role, then pages, fields and annotations are compared as lists.
 */
export function diffRevisions(
  older: PdfRevision,
  newer: PdfRevision,
  graphOf: (r: PdfRevision) => RevisionGraph,
): RevisionChanges {
  const out: ChangeSet = new Map();
  const fieldOf = new Map<number, string>();
  const signatureFieldOf = new Map<number, number[]>();
  const add: AddChange = (kind, num, fields = []) => {
    let set = out.get(kind);
    if (!set) out.set(kind, (set = new Set()));
    set.add(num);
    if (fields.length === 0 || !SIGNATURE_KINDS.has(kind)) return;
    const known = signatureFieldOf.get(num);
    if (!known)
      signatureFieldOf.set(
        num,
        fields.map((f) => f.num),
      );
    else for (const f of fields) if (!known.includes(f.num)) known.push(f.num);
  };
  const result = { kinds: out, fieldOf, signatureFieldOf };
  if (hasBytesOutsideItsXref(older, newer)) add('XREF_ONLY_UPDATE', 0);
  const changed: Array<{ num: number; before: PdfValue; after: PdfValue }> = [];
  const nums = new Set<number>();
  for (const num of newer.entries.keys()) if (older.locationOf(num) !== newer.locationOf(num)) nums.add(num);
  for (const num of older.entries.keys()) if (!newer.entries.has(num)) nums.add(num);
  for (const num of nums) {
    let before: PdfValue;
    let after: PdfValue;
    try {
      before = older.get(num);
    } catch {
      before = null;
    }
    try {
      after = newer.get(num);
    } catch {
      add('OBJECT_UNREADABLE', num);
      continue;
    }
    if (pdfValuesEqual(before, after) || isXrefMachinery(after) || isXrefMachinery(before)) continue;
    changed.push({ num, before, after });
  }
  const trailerChanged = changedKeys(older.trailer, newer.trailer).filter(
    (k) => k === 'Root' || k === 'Info' || k === 'Encrypt',
  );
  if (changed.length === 0 && trailerChanged.length === 0) return result;

  const og = graphOf(older);
  const ng = graphOf(newer);
  for (const c of changed) {
    const isNew = c.before === null;
    const roles = isNew ? ng.rolesOf(c.num) : og.rolesOf(c.num);
    if (roles.size === 0) {
      add('UNREFERENCED_OBJECT', c.num);
      continue;
    }
    const fieldBefore = og.fields.get(c.num) ?? og.widgets.get(c.num);
    const own = fieldBefore ?? ng.fields.get(c.num) ?? ng.widgets.get(c.num);
    const fields = own ? [own] : [...(og.fieldOwners.get(c.num) ?? []), ...(ng.fieldOwners.get(c.num) ?? [])];
    if (fields.length > 0) fieldOf.set(c.num, fields[0].name);
    for (const kind of classifyObjectChange({ roles, before: c.before, after: c.after, isNew, fieldBefore }))
      add(kind, c.num, fields);
  }
  compareCatalogs(older, newer, ng, add);
  if (trailerChanged.includes('Info')) add('METADATA_UPDATED', refNum(newer.trailer.get('Info')));
  if (trailerChanged.includes('Encrypt')) add('OBJECT_MODIFIED', 0);
  comparePages(og, ng, add);
  compareFields(og, ng, add);
  compareAnnotations(og, ng, add);
  return result;
}

function isXrefMachinery(v: PdfValue): boolean {
  return v instanceof PdfStream && (v.dict.name('Type') === 'XRef' || v.dict.name('Type') === 'ObjStm');
}

function refNum(v: PdfValue | undefined): number {
  return v instanceof PdfRef ? v.num : 0;
}

/**
 * An update whose startxref points back into an earlier revision adds bytes no conforming reader
 * indexes, yet repairing readers may show them: flag anything there but whitespace and "startxref n".
 */
function hasBytesOutsideItsXref(older: PdfRevision, newer: PdfRevision): boolean {
  if (newer.xrefOffset >= older.end) return false;
  const text = newer.file.buf.toString('latin1', older.end, newer.eofEnd - 5);
  const p = new PdfParser(Buffer.from(text, 'latin1'));
  return !(
    p.acceptKeyword('startxref') &&
    /^\d+$/.test(p.readToken()) &&
    (p.skipWhitespace(), p.pos === text.length)
  );
}
