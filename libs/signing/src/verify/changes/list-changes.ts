import { ChangeKind } from './change-kinds';
import { FieldInfo, RevisionGraph } from './revision-graph';
import { pdfValuesEqual } from './value-equality';

/** records a change; `fields` are the signature fields a SIGNATURE_ADDED or DOC_TIMESTAMP_ADDED belongs to */
export type AddChange = (kind: ChangeKind, num: number, fields?: readonly FieldInfo[]) => void;

/**
 * Pages compared as a list: added, removed, reordered, written inline, or counted differently (pdf.js
 * shows as many pages as the root's /Count says, so a smaller /Count hides the last pages).
 */
export function comparePages(og: RevisionGraph, ng: RevisionGraph, add: AddChange): void {
  const before = new Set(og.pages);
  const after = new Set(ng.pages);
  for (const p of ng.pages) if (!before.has(p)) add('PAGE_ADDED', p);
  for (const p of og.pages) if (!after.has(p)) add('PAGE_REMOVED', p);
  const kept = ng.pages.filter((p) => before.has(p));
  const keptBefore = og.pages.filter((p) => after.has(p));
  if (kept.some((p, i) => keptBefore[i] !== p)) add('PAGE_MODIFIED', kept[0]);
  if (!pdfValuesEqual(og.directPages, ng.directPages)) add('PAGE_MODIFIED', 0);
  for (const [node, count] of ng.wrongCounts)
    if (!og.wrongCounts.has(node) || !pdfValuesEqual(og.wrongCounts.get(node), count))
      add('PAGE_MODIFIED', Math.max(node, 0));
}

export function compareFields(og: RevisionGraph, ng: RevisionGraph, add: AddChange): void {
  for (const [num, info] of ng.fields) if (!og.fields.has(num)) add(addedFieldKind(info), num, [info]);
  for (const [num, info] of og.fields)
    if (!ng.fields.has(num)) add(info.signed ? 'SIGNATURE_MODIFIED' : 'FIELD_REMOVED', num);
}

/**
 * Annotations compared page by page: added, removed, and the order of those kept, which is the
 * order they are painted in (the last on top). An annotation written inline has no object number:
 * any inline one that was not there before, equal, is an added annotation.
 */
export function compareAnnotations(og: RevisionGraph, ng: RevisionGraph, add: AddChange): void {
  const pagesBefore = new Set(og.pages);
  // a new page is already a change of its own; a page whose /Annots went away lost all of them
  for (const page of ng.pages) {
    if (!pagesBefore.has(page)) continue;
    const annots = ng.annots.get(page) ?? [];
    const beforeList = og.annots.get(page) ?? [];
    const before = new Set(beforeList);
    const after = new Set(annots);
    for (const a of annots) {
      if (before.has(a)) continue;
      const w = ng.widgets.get(a);
      if (w) add(addedFieldKind(w), a, [w]);
      else add('ANNOTATION_ADDED', a);
    }
    for (const a of before) {
      if (after.has(a)) continue;
      const w = og.widgets.get(a);
      add(w ? (w.signed ? 'SIGNATURE_MODIFIED' : 'FIELD_REMOVED') : 'ANNOTATION_REMOVED', a);
    }
    const keptAfter = annots.filter((a) => before.has(a));
    const keptBefore = beforeList.filter((a) => after.has(a));
    if (keptAfter.length !== keptBefore.length || keptAfter.some((a, i) => keptBefore[i] !== a))
      add('ANNOTATIONS_REORDERED', page);
    const directBefore = og.directAnnots.get(page) ?? [];
    const directAfter = ng.directAnnots.get(page) ?? [];
    if (directAfter.some((d) => !directBefore.some((o) => pdfValuesEqual(o, d))))
      add('ANNOTATION_ADDED', page);
    if (directBefore.some((d) => !directAfter.some((n) => pdfValuesEqual(n, d))))
      add('ANNOTATION_REMOVED', page);
  }
}

function addedFieldKind(info: FieldInfo): ChangeKind {
  if (!info.sig) return 'FORM_FIELD_ADDED';
  return info.docTs ? 'DOC_TIMESTAMP_ADDED' : 'SIGNATURE_ADDED';
}
