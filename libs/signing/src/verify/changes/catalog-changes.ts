import { PdfRevision } from '../pdf-reader/pdf-revision';
import { PdfDict, PdfRef } from '../pdf-reader/pdf-values';
import { ChangeKind } from './change-kinds';
import { RevisionGraph } from './revision-graph';
import { asDict, changedKeys, pdfValuesEqual } from './value-equality';

const CATALOG_KEY_KIND: Record<string, ChangeKind> = {
  DSS: 'DSS_UPDATED',
  Metadata: 'METADATA_UPDATED',
  Extensions: 'EXTENSIONS_UPDATED',
  Version: 'EXTENSIONS_UPDATED',
  StructTreeRoot: 'STRUCTURE_UPDATED',
  MarkInfo: 'STRUCTURE_UPDATED',
  Perms: 'PERMISSIONS_MODIFIED',
  OpenAction: 'ACTION_CHANGED',
  AA: 'ACTION_CHANGED',
};
const ACROFORM_KEY_KIND: Record<string, ChangeKind> = {
  SigFlags: 'FORM_FLAGS_UPDATED',
  DR: 'FORM_RESOURCES_UPDATED',
  DA: 'FORM_RESOURCES_UPDATED',
  XFA: 'OBJECT_MODIFIED',
};

/**
 * What changed in the document catalog and the interactive form dictionary (whether replaced or
 * edited in place), key by key. Pages and fields are judged by their lists elsewhere.
 */
export function compareCatalogs(
  older: PdfRevision,
  newer: PdfRevision,
  newerGraph: RevisionGraph,
  add: (k: ChangeKind, n: number) => void,
): void {
  const oc = older.catalog;
  const nc = newer.catalog;
  const root = newer.trailer.get('Root');
  const catalogNum = root instanceof PdfRef ? root.num : 0;
  const formChanges = (of: PdfDict | undefined, nf: PdfDict | undefined, num: number): void => {
    for (const k of changedKeys(of, nf)) {
      if (k === 'Fields') continue;
      if (k === 'NeedAppearances') add(needAppearancesKind(older, newer, of, nf, newerGraph), num);
      else add(ACROFORM_KEY_KIND[k] ?? 'FORM_FIELD_MODIFIED', num);
    }
  };
  for (const key of changedKeys(oc, nc)) {
    if (key === 'Pages') continue; // judged by the page lists
    if (key === 'AcroForm') {
      formChanges(asDict(older.resolve(oc?.get(key))), asDict(newer.resolve(nc?.get(key))), catalogNum);
      continue;
    }
    if (key === 'Names') {
      const keys = changedKeys(asDict(older.resolve(oc?.get(key))), asDict(newer.resolve(nc?.get(key))));
      if (keys.includes('JavaScript')) add('ACTION_CHANGED', catalogNum);
      if (keys.length === 0 || keys.some((k) => k !== 'JavaScript')) add('CATALOG_MODIFIED', catalogNum);
      continue;
    }
    add(CATALOG_KEY_KIND[key] ?? 'CATALOG_MODIFIED', catalogNum);
  }
  // the same AcroForm or name dictionary object edited in place
  const formRef = oc?.get('AcroForm');
  if (formRef instanceof PdfRef && pdfValuesEqual(formRef, nc?.get('AcroForm')))
    formChanges(asDict(older.resolve(formRef)), asDict(newer.resolve(formRef)), formRef.num);
  const namesRef = oc?.get('Names');
  if (namesRef instanceof PdfRef && pdfValuesEqual(namesRef, nc?.get('Names'))) {
    const keys = changedKeys(asDict(older.resolve(namesRef)), asDict(newer.resolve(namesRef)));
    if (keys.includes('JavaScript')) add('ACTION_CHANGED', namesRef.num);
  }
}

/**
 * /NeedAppearances true makes viewers draw every text and choice field from its value and /DA
 * instead of the appearance that was signed, so a value that differs from what was shown comes to
 * light. Setting it is a change of what the page shows when the form has such fields; clearing it,
 * or setting it on a form of signature fields only (which viewers never redraw), is not.
 */
function needAppearancesKind(
  older: PdfRevision,
  newer: PdfRevision,
  of: PdfDict | undefined,
  nf: PdfDict | undefined,
  newerGraph: RevisionGraph,
): ChangeKind {
  const was = older.resolve(of?.get('NeedAppearances')) === true;
  const is = newer.resolve(nf?.get('NeedAppearances')) === true;
  const hasOtherFields = [...newerGraph.fields.values()].some((f) => !f.sig);
  return is && !was && hasOtherFields ? 'NEED_APPEARANCES_SET' : 'FORM_RESOURCES_UPDATED';
}
