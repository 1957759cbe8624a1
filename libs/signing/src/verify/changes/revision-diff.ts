import { PdfRevision } from '../pdf-reader/pdf-revision';
import { PdfParser } from '../pdf-reader/pdf-parser';
import { PdfRef, PdfStream, PdfValue } from '../pdf-reader/pdf-values';
import { ChangeKind } from './change-kinds';
import { classifyObjectChange } from './object-change-rules';
import { FieldInfo, RevisionGraph } from './revision-graph';
import { asDict, changedKeys, pdfValuesEqual } from './value-equality';

/** kind → object numbers, for one revision compared with the one before it */
export type ChangeSet = Map<ChangeKind, Set<number>>;

export interface RevisionChanges {
  readonly kinds: ChangeSet;
  /** full field names of the changed field and widget objects (to apply FieldMDP locks) */
  readonly fieldOf: Map<number, string>;
}

const CATALOG_KEY_KIND: Record<string, ChangeKind> = {
  DSS: 'DSS_UPDATED',
  Metadata: 'METADATA_UPDATED',
  Extensions: 'EXTENSIONS_UPDATED',
  Version: 'EXTENSIONS_UPDATED',
  StructTreeRoot: 'STRUCTURE_UPDATED',
  MarkInfo: 'STRUCTURE_UPDATED',
  Perms: 'PERMISSIONS_MODIFIED',
};
const ACROFORM_KEY_KIND: Record<string, ChangeKind> = {
  SigFlags: 'FORM_FLAGS_UPDATED',
  DR: 'FORM_RESOURCES_UPDATED',
  DA: 'FORM_RESOURCES_UPDATED',
  NeedAppearances: 'FORM_RESOURCES_UPDATED',
  XFA: 'OBJECT_MODIFIED',
};

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
  const add = (kind: ChangeKind, num: number): void => {
    let set = out.get(kind);
    if (!set) out.set(kind, (set = new Set()));
    set.add(num);
  };
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
  if (changed.length === 0 && trailerChanged.length === 0) return { kinds: out, fieldOf };

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
    const field = (fieldBefore ?? ng.fields.get(c.num) ?? ng.widgets.get(c.num))?.name;
    const owner = field ?? og.fieldOwner.get(c.num) ?? ng.fieldOwner.get(c.num);
    if (owner !== undefined) fieldOf.set(c.num, owner);
    for (const kind of classifyObjectChange({ roles, before: c.before, after: c.after, isNew, fieldBefore }))
      add(kind, c.num);
  }
  compareCatalogs(older, newer, add);
  if (trailerChanged.includes('Info')) add('METADATA_UPDATED', refNum(newer.trailer.get('Info')));
  if (trailerChanged.includes('Encrypt')) add('OBJECT_MODIFIED', 0);
  comparePages(og, ng, add);
  compareFields(og, ng, add);
  compareAnnotations(og, ng, add);
  return { kinds: out, fieldOf };
}

function compareCatalogs(
  older: PdfRevision,
  newer: PdfRevision,
  add: (k: ChangeKind, n: number) => void,
): void {
  const oc = older.catalog;
  const nc = newer.catalog;
  const catalogNum = refNum(newer.trailer.get('Root'));
  for (const key of changedKeys(oc, nc)) {
    if (key === 'Pages') continue; // judged by the page lists
    if (key === 'AcroForm') {
      const of = asDict(older.resolve(oc?.get('AcroForm')));
      const nf = asDict(newer.resolve(nc?.get('AcroForm')));
      for (const k of changedKeys(of, nf))
        if (k !== 'Fields') add(ACROFORM_KEY_KIND[k] ?? 'FORM_FIELD_MODIFIED', catalogNum);
      continue;
    }
    add(CATALOG_KEY_KIND[key] ?? 'CATALOG_MODIFIED', catalogNum);
  }
  // the same AcroForm object edited in place
  const ofRef = oc?.get('AcroForm');
  if (ofRef instanceof PdfRef && pdfValuesEqual(ofRef, nc?.get('AcroForm'))) {
    const of = asDict(older.resolve(ofRef));
    const nf = asDict(newer.resolve(ofRef));
    for (const k of changedKeys(of, nf))
      if (k !== 'Fields') add(ACROFORM_KEY_KIND[k] ?? 'FORM_FIELD_MODIFIED', ofRef.num);
  }
}

function comparePages(og: RevisionGraph, ng: RevisionGraph, add: (k: ChangeKind, n: number) => void): void {
  const before = new Set(og.pages);
  const after = new Set(ng.pages);
  for (const p of ng.pages) if (!before.has(p)) add('PAGE_ADDED', p);
  for (const p of og.pages) if (!after.has(p)) add('PAGE_REMOVED', p);
  const kept = ng.pages.filter((p) => before.has(p));
  const keptBefore = og.pages.filter((p) => after.has(p));
  if (kept.some((p, i) => keptBefore[i] !== p)) add('PAGE_MODIFIED', kept[0]);
}

function compareFields(og: RevisionGraph, ng: RevisionGraph, add: (k: ChangeKind, n: number) => void): void {
  for (const [num, info] of ng.fields) if (!og.fields.has(num)) add(addedFieldKind(info), num);
  for (const [num, info] of og.fields)
    if (!ng.fields.has(num)) add(info.signed ? 'SIGNATURE_MODIFIED' : 'FIELD_REMOVED', num);
}

function compareAnnotations(
  og: RevisionGraph,
  ng: RevisionGraph,
  add: (k: ChangeKind, n: number) => void,
): void {
  for (const [page, annots] of ng.annots) {
    const beforeList = og.annots.get(page);
    if (!og.pages.includes(page)) continue; // a new page is already a change of its own
    const before = new Set(beforeList ?? []);
    const after = new Set(annots);
    for (const a of annots) {
      if (before.has(a)) continue;
      const w = ng.widgets.get(a);
      add(w ? addedFieldKind(w) : 'ANNOTATION_ADDED', a);
    }
    for (const a of before) {
      if (after.has(a)) continue;
      const w = og.widgets.get(a);
      add(w ? (w.signed ? 'SIGNATURE_MODIFIED' : 'FIELD_REMOVED') : 'ANNOTATION_REMOVED', a);
    }
  }
}

function addedFieldKind(info: FieldInfo): ChangeKind {
  if (!info.sig) return 'FORM_FIELD_ADDED';
  return info.docTs ? 'DOC_TIMESTAMP_ADDED' : 'SIGNATURE_ADDED';
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
