import {
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  PdfValue,
} from '../../src/verify/pdf-reader/pdf-values';

/** Serializes the verifier's PDF values back to PDF syntax, for hand-made incremental updates in tests. */
export function writePdfValue(v: PdfValue): Buffer {
  if (v instanceof PdfStream) {
    const entries = new Map(v.dict.entries);
    entries.set('Length', v.data.length);
    return Buffer.concat([
      writePdfValue(new PdfDict(entries)),
      Buffer.from('\nstream\n'),
      v.data,
      Buffer.from('\nendstream'),
    ]);
  }
  return Buffer.from(text(v), 'latin1');
}

function text(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof PdfName)
    return `/${v.name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfString) return `<${v.bytes.toString('hex')}>`;
  if (Array.isArray(v)) return `[${v.map(text).join(' ')}]`;
  if (v instanceof PdfDict)
    return `<<${[...v.entries].map(([k, x]) => `${text(PdfName.of(k))} ${text(x)}`).join(' ')}>>`;
  throw new Error('streams cannot be nested');
}

export const name = (n: string): PdfName => PdfName.of(n);
export const ref = (num: number): PdfRef => new PdfRef(num, 0);
export const dict = (entries: Record<string, PdfValue>): PdfDict =>
  new PdfDict(new Map(Object.entries(entries)));

/** a copy of `d` with some entries replaced (undefined removes the key) */
export function withEntries(d: PdfDict, changes: Record<string, PdfValue | undefined>): PdfDict {
  const entries = new Map(d.entries);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) entries.delete(k);
    else entries.set(k, v);
  }
  return new PdfDict(entries);
}
