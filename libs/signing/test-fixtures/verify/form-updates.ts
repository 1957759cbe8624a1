import { PdfRevision } from '../../src/verify/pdf-reader/pdf-revision';
import { isArray, PdfDict, PdfRef, PdfString, PdfValue } from '../../src/verify/pdf-reader/pdf-values';
import { appendRevision, lastRevision, pageTree } from './incremental-update';
import { dict, withEntries } from './pdf-value-writer';

/**
 * Pieces of hand-written incremental updates that touch the form and the annotations of page 1,
 * wherever the file keeps them (direct arrays, indirect arrays, a direct or indirect /AcroForm).
 */

export type UpdateEntries = Array<[number, PdfValue]>;

/** the entries that list `annot` in page 1's /Annots at `position` (default last: drawn on top) */
export function annotsWith(rev: PdfRevision, annot: PdfRef, position?: number): UpdateEntries {
  return annotsEdited(rev, (list) => {
    const out = [...list];
    out.splice(position ?? out.length, 0, annot);
    return out;
  });
}

/** the entries that replace page 1's /Annots with `edit(current list)` */
export function annotsEdited(rev: PdfRevision, edit: (list: PdfValue[]) => PdfValue[]): UpdateEntries {
  const { firstPageNum, firstPage } = pageTree(rev);
  const value = firstPage.get('Annots');
  const list = rev.resolve(value);
  const current = isArray(list) ? list : [];
  if (value instanceof PdfRef) return [[value.num, edit(current)]];
  return [[firstPageNum, withEntries(firstPage, { Annots: edit(current) })]];
}

/** the entries that list `field` in /AcroForm /Fields, creating the form when there is none */
export function fieldsWith(rev: PdfRevision, field: PdfRef): UpdateEntries {
  return formEdited(rev, (form) => {
    const fields = rev.resolve(form.get('Fields'));
    return { Fields: [...(isArray(fields) ? fields : []), field] };
  });
}

/**
 * The entries that change /AcroForm by `edit` (its result replaces those keys). An indirect /Fields
 * array is rewritten as its own object when `edit` returns Fields, as signers do.
 */
export function formEdited(
  rev: PdfRevision,
  edit: (form: PdfDict) => Record<string, PdfValue>,
): UpdateEntries {
  const catalog = rev.catalog as PdfDict;
  const rootNum = (rev.trailer.get('Root') as PdfRef).num;
  const formValue = catalog.get('AcroForm');
  const form = rev.dict(formValue) ?? dict({});
  const changes = edit(form);
  const out: UpdateEntries = [];
  const fieldsValue = form.get('Fields');
  if (changes.Fields && fieldsValue instanceof PdfRef) {
    out.push([fieldsValue.num, changes.Fields]);
    delete changes.Fields;
  }
  const newForm = withEntries(form, changes);
  if (formValue instanceof PdfRef) out.push([formValue.num, newForm]);
  else out.push([rootNum, withEntries(catalog, { AcroForm: newForm })]);
  return out;
}

/** appends one revision that replaces each given object by `edit(its current value)` */
export function editObjects(pdf: Buffer, edits: Record<number, (old: PdfValue) => PdfValue>): Buffer {
  const rev = lastRevision(pdf);
  return appendRevision(
    pdf,
    new Map(Object.entries(edits).map(([num, edit]) => [Number(num), edit(rev.get(Number(num)))])),
  );
}

/** object numbers of the widgets of the field named `name` (a merged field and widget is its own widget) */
export function widgetsOf(rev: PdfRevision, name: string): number[] {
  const form = rev.dict(rev.catalog?.get('AcroForm'));
  const fields = rev.resolve(form?.get('Fields'));
  for (const f of isArray(fields) ? fields : []) {
    const field = rev.dict(f);
    const t = rev.resolve(field?.get('T'));
    if (!(f instanceof PdfRef) || !(t instanceof PdfString) || t.text !== name) continue;
    const kids = rev.resolve(field?.get('Kids'));
    return isArray(kids) ? kids.filter((k): k is PdfRef => k instanceof PdfRef).map((k) => k.num) : [f.num];
  }
  throw new Error(`no field ${name}`);
}

/** the field names of /AcroForm /Fields, in order */
export function fieldNames(rev: PdfRevision): string[] {
  const form = rev.dict(rev.catalog?.get('AcroForm'));
  const fields = rev.resolve(form?.get('Fields'));
  return (isArray(fields) ? fields : []).map((f) => {
    const t = rev.resolve(rev.dict(f)?.get('T'));
    return t instanceof PdfString ? t.text : '';
  });
}
