import { PdfRevision } from './pdf-reader/pdf-revision';
import { isArray, PdfDict, PdfString } from './pdf-reader/pdf-values';

/**
 * The DocMDP permission (1 no changes, 2 form filling and signing, 3 also annotations) when this
 * signature dictionary certifies the document, else undefined (ISO 32000-1 §12.8.2.2).
 */
export function docMdpPermission(sigDict: PdfDict, rev: PdfRevision): 1 | 2 | 3 | undefined {
  const refs = rev.resolve(sigDict.get('Reference'));
  if (!isArray(refs)) return undefined;
  for (const r of refs) {
    const ref = rev.dict(r);
    if (!ref || ref.name('TransformMethod') !== 'DocMDP') continue;
    const params = rev.dict(ref.get('TransformParams'));
    const p = rev.resolve(params?.get('P'));
    return p === 1 || p === 3 ? p : 2;
  }
  return undefined;
}

/**
 * The fields a FieldMDP transform of this signature locks (ISO 32000-1 §12.8.2.4): Action /All, or
 * /Include or /Exclude with a list of full field names. Undefined when the signature locks nothing.
 */
export function fieldLock(sigDict: PdfDict, rev: PdfRevision): ((fieldName: string) => boolean) | undefined {
  const refs = rev.resolve(sigDict.get('Reference'));
  if (!isArray(refs)) return undefined;
  for (const r of refs) {
    const ref = rev.dict(r);
    if (!ref || ref.name('TransformMethod') !== 'FieldMDP') continue;
    const params = rev.dict(ref.get('TransformParams'));
    const action = params?.name('Action');
    const list = rev.resolve(params?.get('Fields'));
    const names = new Set(
      (isArray(list) ? list : [])
        .map((f) => rev.resolve(f))
        .filter((f) => f instanceof PdfString)
        .map((f) => (f as PdfString).text),
    );
    // a field is covered when it or one of its ancestors is named
    const named = (field: string): boolean =>
      [...names].some((n) => field === n || field.startsWith(`${n}.`));
    if (action === 'All') return () => true;
    if (action === 'Include') return named;
    if (action === 'Exclude') return (field) => !named(field);
  }
  return undefined;
}
