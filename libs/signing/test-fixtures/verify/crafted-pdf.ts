import { deflateSync } from 'node:zlib';
import { type PdfRef, PdfString, type PdfValue } from '../../src/verify/pdf-reader/pdf-values';
import { appendRevision, lastRevision, nextObjectNumber } from './incremental-update';
import { dict, name, ref, withEntries } from './pdf-value-writer';

export interface CraftOptions {
  /** objects written into one Flate object stream (listed in a cross-reference stream) */
  packed?: readonly number[];
  /** objects written into the object stream but listed by no cross-reference */
  packedUnlisted?: Readonly<Record<number, string>>;
  /** raw bytes written between the objects and the cross-reference, listed nowhere */
  unlisted?: string;
  /** object numbers whose cross-reference entry points at bytes that are no object */
  broken?: readonly number[];
}

/** Catalog 1, page tree 2, one A4 page 3: what every crafted document starts from. */
export const BASE_OBJECTS: Readonly<Record<number, string>> = {
  1: '<< /Type /Catalog /Pages 2 0 R >>',
  2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
};

/**
 * A PDF written by hand from object bodies (PDF syntax), object 1 the catalog: a classic
 * cross-reference table, or, when some objects are packed, an object stream and a cross-reference
 * stream, as modern writers produce. For tests that must put something exactly where they want it.
 */
export function craftPdf(objects: Readonly<Record<number, string>>, options: CraftOptions = {}): Buffer {
  const packed = new Set(options.packed ?? []);
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0].length;
  const entries = new Map<number, { offset: number } | { stream: number; index: number }>();
  const write = (text: string | Buffer) => {
    const b = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
    parts.push(b);
    offset += b.length;
  };
  const numbers = Object.keys(objects).map(Number);
  for (const num of numbers.filter((n) => !packed.has(n))) {
    entries.set(num, { offset });
    write(`${num} 0 obj\n${objects[num]}\nendobj\n`);
  }
  for (const num of options.broken ?? []) {
    entries.set(num, { offset });
    write('% not an object\n');
  }
  let top = Math.max(
    ...numbers,
    ...(options.broken ?? []),
    ...Object.keys(options.packedUnlisted ?? {}).map(Number),
  );
  if (packed.size > 0) {
    const inStream: [number, string][] = [
      ...[...packed].map((n): [number, string] => [n, objects[n]]),
      ...Object.entries(options.packedUnlisted ?? {}).map(([n, body]): [number, string] => [Number(n), body]),
    ];
    let header = '';
    let body = '';
    for (const [num, text] of inStream) {
      header += `${num} ${body.length} `;
      body += `${text}\n`;
    }
    const stream = ++top;
    inStream.forEach(([num], index) => {
      if (packed.has(num)) entries.set(num, { stream, index });
    });
    const data = deflateSync(Buffer.from(header + body, 'latin1'));
    entries.set(stream, { offset });
    write(
      `${stream} 0 obj\n<< /Type /ObjStm /N ${inStream.length} /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
    );
    write(data);
    write('\nendstream\nendobj\n');
  }
  if (options.unlisted) write(`${options.unlisted}\n`);
  const xrefAt = offset;
  if (packed.size === 0) {
    let xref = `xref\n0 ${top + 1}\n0000000000 65535 f \n`;
    for (let n = 1; n <= top; n++) {
      const e = entries.get(n);
      xref +=
        e && 'offset' in e ? `${String(e.offset).padStart(10, '0')} 00000 n \n` : '0000000000 65535 f \n';
    }
    write(`${xref}trailer\n<< /Size ${top + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
    return Buffer.concat(parts);
  }
  const xrefNum = top + 1;
  entries.set(xrefNum, { offset: xrefAt });
  const rows = Buffer.alloc((xrefNum + 1) * 7);
  for (let n = 0; n <= xrefNum; n++) {
    const e = entries.get(n);
    if (!e) continue;
    const at = n * 7;
    if ('offset' in e) {
      rows[at] = 1;
      rows.writeUInt32BE(e.offset, at + 1);
    } else {
      rows[at] = 2;
      rows.writeUInt32BE(e.stream, at + 1);
      rows.writeUInt16BE(e.index, at + 5);
    }
  }
  write(
    `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`,
  );
  write(rows);
  write(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/**
 * `pdf` with one incremental update that makes it run JavaScript when opened: the catalog's
 * /OpenAction points at a new JavaScript action, as in the case of issue 13 §3.
 */
export function withOpenActionScript(pdf: Buffer, script = 'app.alert("Xin chào")'): Buffer {
  const last = lastRevision(pdf);
  const rootRef = last.trailer.get('Root') as PdfRef;
  const action = nextObjectNumber(last);
  return appendRevision(
    pdf,
    new Map<number, PdfValue>([
      [rootRef.num, withEntries(last.catalog!, { OpenAction: ref(action) })],
      [action, dict({ S: name('JavaScript'), JS: new PdfString(Buffer.from(script, 'latin1'), false) })],
    ]),
  );
}
