import { PdfFile } from '../../src/verify/pdf-reader/pdf-file';
import { PdfRevision } from '../../src/verify/pdf-reader/pdf-revision';
import { isArray, PdfDict, PdfRef, PdfValue } from '../../src/verify/pdf-reader/pdf-values';
import { writePdfValue } from './pdf-value-writer';

/** an object body given as bytes, for placeholders that must keep their exact width */
export class RawObject {
  constructor(readonly bytes: Buffer) {}
}

/**
 * Appends one incremental update written by hand: the given objects, a classic cross-reference
 * section and a trailer chained to the previous one with /Prev. Nothing else in the file moves.
 */
export function appendRevision(
  pdf: Buffer,
  objects: ReadonlyMap<number, PdfValue | RawObject>,
  trailerChanges: Record<string, PdfValue> = {},
): Buffer {
  const last = PdfFile.open(pdf).last;
  const parts: Buffer[] = [pdf, Buffer.from('\n')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const [num, value] of [...objects].sort((a, b) => a[0] - b[0])) {
    const body = value instanceof RawObject ? value.bytes : writePdfValue(value);
    const bytes = Buffer.concat([Buffer.from(`${num} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.set(num, offset);
    parts.push(bytes);
    offset += bytes.length;
  }
  const xrefAt = offset;
  let xref = 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, at] of [...offsets].sort((a, b) => a[0] - b[0]))
    xref += `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(Number(last.trailer.get('Size') ?? 0), ...[...objects.keys()].map((n) => n + 1));
  const trailer = new Map<string, PdfValue>([
    ['Size', size],
    ['Root', last.trailer.get('Root') ?? null],
    ['Prev', last.xrefOffset],
  ]);
  for (const key of ['Info', 'ID'])
    if (last.trailer.has(key)) trailer.set(key, last.trailer.get(key) ?? null);
  for (const [k, v] of Object.entries(trailerChanges)) trailer.set(k, v);
  parts.push(Buffer.from(xref), Buffer.from('trailer\n'), writePdfValue(new PdfDict(trailer)));
  parts.push(Buffer.from(`\nstartxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** the last revision of a PDF, to read the objects an update will replace */
export function lastRevision(pdf: Buffer): PdfRevision {
  return PdfFile.open(pdf).last;
}

export function nextObjectNumber(rev: PdfRevision): number {
  return Math.max(Number(rev.trailer.get('Size') ?? 0), ...[...rev.entries.keys()].map((n) => n + 1));
}

/** object number of the page tree root and of the first page */
export function pageTree(rev: PdfRevision): {
  pagesNum: number;
  pages: PdfDict;
  firstPageNum: number;
  firstPage: PdfDict;
} {
  const pagesRef = rev.catalog?.get('Pages');
  if (!(pagesRef instanceof PdfRef)) throw new Error('no page tree');
  const pages = rev.dict(pagesRef) as PdfDict;
  let node: PdfDict = pages;
  let num = pagesRef.num;
  for (;;) {
    const kids = rev.resolve(node.get('Kids'));
    if (!isArray(kids)) break;
    const first = kids[0] as PdfRef;
    num = first.num;
    node = rev.dict(first) as PdfDict;
  }
  return { pagesNum: pagesRef.num, pages, firstPageNum: num, firstPage: node };
}
