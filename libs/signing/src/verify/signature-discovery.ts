import { createHash } from 'node:crypto';
import { PdfFile } from './pdf-reader/pdf-file';
import { PdfRevision } from './pdf-reader/pdf-revision';
import { isArray, PdfDict, PdfRef, PdfString, PdfValue } from './pdf-reader/pdf-values';

/** A signature value (/V of a signature field) as found in some revision. */
export interface SignatureCandidate {
  readonly fieldName: string;
  readonly sigDict: PdfDict;
  /** object number of the signature dictionary (undefined when /V is a direct dictionary) */
  readonly sigObjectNumber?: number;
  /** where the signature dictionary was first stored (``@offset`` or ``@stream/index``) */
  readonly key: string;
  /** the first revision in which a field holds this value, used to resolve its indirect entries */
  readonly firstSeenRevision: number;
  readonly isDocumentTimestamp: boolean;
}

/**
 * Every signed signature field of every revision. Looking at each revision, not only the last one,
 * keeps signatures whose fields were later removed or replaced in view so that change can be judged.
 */
export function discoverSignatures(file: PdfFile): SignatureCandidate[] {
  // the same signature is the same byte range and value, even if a later update stored its dictionary again
  const found = new Map<string, SignatureCandidate>();
  for (const rev of file.revisions) {
    for (const c of signaturesOf(rev)) {
      const identity = signatureIdentity(c.sigDict);
      const previous = found.get(identity);
      found.set(identity, previous ? { ...previous, fieldName: c.fieldName || previous.fieldName } : c);
    }
  }
  return [...found.values()];
}

function signatureIdentity(sig: PdfDict): string {
  const br = sig.get('ByteRange');
  const contents = sig.get('Contents');
  const digest =
    contents instanceof PdfString ? createHash('sha1').update(contents.bytes).digest('base64') : '';
  return `${isArray(br) ? br.join(' ') : ''}|${digest}`;
}

function signaturesOf(rev: PdfRevision): SignatureCandidate[] {
  const out: SignatureCandidate[] = [];
  const acroForm = rev.dict(rev.catalog?.get('AcroForm'));
  const fields = rev.resolve(acroForm?.get('Fields'));
  if (!isArray(fields)) return out;
  const seen = new Set<number>();
  const walk = (ref: PdfValue, parentName: string, inheritedFt: string | undefined, depth: number): void => {
    if (depth > 32) return;
    if (ref instanceof PdfRef) {
      if (seen.has(ref.num)) return;
      seen.add(ref.num);
    }
    const field = rev.dict(ref);
    if (!field) return;
    const t = rev.resolve(field.get('T'));
    const name = t instanceof PdfString ? (parentName ? `${parentName}.${t.text}` : t.text) : parentName;
    const ft = field.name('FT') ?? inheritedFt;
    const kids = rev.resolve(field.get('Kids'));
    if (isArray(kids)) for (const kid of kids) walk(kid, name, ft, depth + 1);
    if (ft !== 'Sig') return;
    const v = field.get('V');
    const sigDict = rev.dict(v);
    if (!sigDict || !sigDict.has('ByteRange')) return;
    const sigObjectNumber = v instanceof PdfRef ? v.num : undefined;
    const key =
      (sigObjectNumber !== undefined && rev.locationOf(sigObjectNumber)) || `field:${name}@${rev.index}`;
    out.push({
      fieldName: name,
      sigDict,
      sigObjectNumber,
      key,
      firstSeenRevision: rev.index,
      isDocumentTimestamp:
        sigDict.name('Type') === 'DocTimeStamp' || sigDict.name('SubFilter') === 'ETSI.RFC3161',
    });
  };
  for (const f of fields) {
    try {
      walk(f, '', undefined, 0);
    } catch {
      // an unreadable field is judged by change analysis; it cannot hide the others
    }
  }
  return out;
}
