import { randomBytes } from 'node:crypto';
import { PdfDict, PdfRef, PdfStream, PdfString, name, type PdfValue } from './pdf-objects';
import type { PdfReader } from './pdf-reader';
import { PdfWriter } from './pdf-serializer';

export interface SerializedUpdate {
  /** The bytes to append to the input, starting with a line break when the input lacks one. */
  readonly bytes: Buffer;
  /** Where each written object starts, relative to `bytes`. */
  readonly offsets: ReadonlyMap<number, number>;
}

/**
 * Collects the new and changed objects of one incremental update and serialises them after the
 * input, followed by a cross-reference section in the form the file already uses: a table after a
 * table, a stream after a stream. Hybrid files (a table whose trailer has /XRefStm) get a classic
 * table: its /Prev leads both old readers (table chain) and PDF 1.5 readers (who then meet the older
 * trailer's /XRefStm) to every earlier object, and our objects are all uncompressed.
 */
export class IncrementalUpdate {
  private next: number;
  private readonly objects = new Map<number, { ref: PdfRef; value: PdfValue }>();

  constructor(private readonly reader: PdfReader) {
    this.next = reader.size;
  }

  allocate(): PdfRef {
    return new PdfRef(this.next++, 0);
  }

  /** Adds a new object and returns its reference. */
  add(value: PdfValue): PdfRef {
    const ref = this.allocate();
    this.set(ref, value);
    return ref;
  }

  /** Sets a new or replaces an existing object (a changed object keeps its number and generation). */
  set(ref: PdfRef, value: PdfValue): void {
    this.objects.set(ref.num, { ref, value });
  }

  has(ref: PdfRef): boolean {
    return this.objects.has(ref.num);
  }

  serialize(): SerializedUpdate {
    const input = this.reader.buffer;
    const base = input.length;
    const writer = new PdfWriter();
    const last = input[input.length - 1];
    if (last !== 0x0a && last !== 0x0d) writer.write('\n');
    const offsets = new Map<number, number>();
    for (const { ref, value } of this.objects.values())
      offsets.set(ref.num, writer.writeIndirect(ref, value));
    const form = this.reader.xrefForm;
    if (form === 'stream') this.writeXrefStream(writer, offsets, base);
    else this.writeXrefTable(writer, offsets, base);
    return { bytes: writer.toBuffer(), offsets };
  }

  private trailerEntries(size: number): PdfDict {
    const old = this.reader.trailer;
    const trailer = new PdfDict().set('Size', size).set('Root', old.get('Root') ?? null);
    const info = old.get('Info');
    if (info instanceof PdfRef) trailer.set('Info', info);
    const id = old.get('ID');
    const first =
      Array.isArray(id) && id[0] instanceof PdfString ? id[0] : new PdfString(randomBytes(16), true);
    // The first identifier stays with the document; the second changes with each revision.
    trailer.set('ID', [first, new PdfString(randomBytes(16), true)]);
    trailer.set('Prev', this.reader.startxref);
    return trailer;
  }

  private writeXrefTable(writer: PdfWriter, offsets: Map<number, number>, base: number): void {
    const xrefOffset = base + writer.length;
    writer.write('xref\n');
    for (const [first, nums] of subsections([...offsets.keys()])) {
      writer.write(`${first} ${nums.length}\n`);
      for (const num of nums) {
        const gen = this.objects.get(num)!.ref.gen;
        writer.write(
          `${String(base + offsets.get(num)!).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`,
        );
      }
    }
    writer.write('trailer\n');
    writer.writeValue(this.trailerEntries(this.next));
    writer.write(`\nstartxref\n${xrefOffset}\n%%EOF\n`);
  }

  private writeXrefStream(writer: PdfWriter, offsets: Map<number, number>, base: number): void {
    const ref = this.allocate();
    const xrefOffset = base + writer.length;
    offsets.set(ref.num, writer.length);
    const gens = new Map<number, number>([...this.objects.values()].map((o) => [o.ref.num, o.ref.gen]));
    gens.set(ref.num, 0);
    const offsetWidth = Math.max(1, Math.ceil(Math.log2(xrefOffset + 1) / 8));
    const rowLength = 1 + offsetWidth + 2;
    const sections = subsections([...offsets.keys()]);
    const data = Buffer.alloc(offsets.size * rowLength);
    let pos = 0;
    const index: number[] = [];
    for (const [first, nums] of sections) {
      index.push(first, nums.length);
      for (const num of nums) {
        data[pos] = 1;
        data.writeUIntBE(base + offsets.get(num)!, pos + 1, offsetWidth);
        data.writeUInt16BE(gens.get(num)!, pos + 1 + offsetWidth);
        pos += rowLength;
      }
    }
    const dictionary = this.trailerEntries(this.next)
      .set('Type', name('XRef'))
      .set('W', [1, offsetWidth, 2])
      .set('Index', index);
    writer.writeIndirect(ref, new PdfStream(dictionary, data));
    writer.write(`startxref\n${xrefOffset}\n%%EOF\n`);
  }
}

function subsections(nums: number[]): [number, number[]][] {
  const sorted = [...nums].sort((a, b) => a - b);
  const result: [number, number[]][] = [];
  for (const num of sorted) {
    const current = result[result.length - 1];
    if (current && current[1][current[1].length - 1] === num - 1) current[1].push(num);
    else result.push([num, [num]]);
  }
  return result;
}
