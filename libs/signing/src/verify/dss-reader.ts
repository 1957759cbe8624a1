import { PdfRevision } from './pdf-reader/pdf-revision';
import { decodeStream } from './pdf-reader/stream-decoder';
import { isArray, isDict, PdfDict, PdfStream } from './pdf-reader/pdf-values';

export interface DssContent {
  readonly certs: Buffer[];
  readonly crls: Buffer[];
  readonly ocsps: Buffer[];
  /** upper-case hex SHA-1 of signature /Contents → present */
  readonly vriKeys: Set<string>;
}

const EMPTY: DssContent = { certs: [], crls: [], ocsps: [], vriKeys: new Set() };

/** The Document Security Store of a revision (ISO 32000-2 §12.8.4.3), VRI entries folded in. */
export function readDss(rev: PdfRevision): DssContent {
  const dss = rev.dict(rev.catalog?.get('DSS'));
  if (!dss) return EMPTY;
  const out: DssContent = { certs: [], crls: [], ocsps: [], vriKeys: new Set() };
  const collect = (holder: PdfDict, key: string, into: Buffer[]): void => {
    const arr = rev.resolve(holder.get(key));
    if (!isArray(arr)) return;
    for (const item of arr) {
      try {
        const s = rev.resolve(item);
        if (s instanceof PdfStream) into.push(decodeStream(s, (v) => rev.resolve(v)));
      } catch {
        // a broken stream is simply not usable validation data
      }
    }
  };
  collect(dss, 'Certs', out.certs);
  collect(dss, 'CRLs', out.crls);
  collect(dss, 'OCSPs', out.ocsps);
  const vri = rev.dict(dss.get('VRI'));
  for (const [key, value] of vri?.entries ?? []) {
    out.vriKeys.add(key.toUpperCase());
    const entry = rev.resolve(value);
    if (!isDict(entry)) continue;
    collect(entry, 'Cert', out.certs);
    collect(entry, 'CRL', out.crls);
    collect(entry, 'OCSP', out.ocsps);
  }
  return out;
}
