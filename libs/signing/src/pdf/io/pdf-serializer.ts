import { PdfDict, PdfName, PdfRaw, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-objects';

const NAME_SAFE = new Uint8Array(256);
for (let c = 0x21; c <= 0x7e; c++) NAME_SAFE[c] = 1;
for (const c of '()<>[]{}/%#') NAME_SAFE[c.charCodeAt(0)] = 0;

/**
 * Numbers are written with the shortest text that reads back as the same double, so an object we
 * rewrite (a page getting /Annots) keeps exactly the values it had: validators compare them.
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} into a PDF`);
  const text = String(value);
  if (!text.includes('e')) return text;
  // PDF has no exponent notation.
  const fixed = value.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function formatName(value: string): string {
  let out = '/';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) & 0xff;
    out += NAME_SAFE[c] ? value[i] : `#${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function literalString(bytes: Buffer): string {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x0a) out += '\\n';
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

/**
 * Writes PDF values into a list of chunks. Text is accumulated as latin1 strings (one char per
 * byte) and stream data is appended as Buffers, so nothing large is copied until `toBuffer`.
 */
export class PdfWriter {
  private readonly chunks: (string | Buffer)[] = [];
  private text = '';
  private flushedLength = 0;

  get length(): number {
    return this.flushedLength + this.text.length;
  }

  write(text: string): this {
    this.text += text;
    return this;
  }

  writeBytes(bytes: Buffer): this {
    this.flush();
    this.chunks.push(bytes);
    this.flushedLength += bytes.length;
    return this;
  }

  writeValue(value: PdfValue): this {
    if (value === null) this.text += 'null';
    else if (typeof value === 'boolean') this.text += value ? 'true' : 'false';
    else if (typeof value === 'number') this.text += formatNumber(value);
    else if (value instanceof PdfName) this.text += formatName(value.name);
    else if (value instanceof PdfRef) this.text += `${value.num} ${value.gen} R`;
    else if (value instanceof PdfString)
      this.text += value.hex ? `<${value.bytes.toString('hex')}>` : literalString(value.bytes);
    else if (value instanceof PdfRaw) this.writeBytes(value.bytes);
    else if (Array.isArray(value)) {
      this.text += '[';
      value.forEach((item, i) => {
        if (i > 0) this.text += ' ';
        this.writeValue(item);
      });
      this.text += ']';
    } else if (value instanceof PdfDict) this.writeDict(value);
    else if (value instanceof PdfStream) this.writeStream(value);
    return this;
  }

  private writeDict(value: PdfDict): void {
    this.text += '<<';
    for (const [key, item] of value.entries) {
      this.text += formatName(key);
      this.text += ' ';
      this.writeValue(item);
    }
    this.text += '>>';
  }

  private writeStream(value: PdfStream): void {
    const dictionary = value.dict.clone().set('Length', value.raw.length);
    this.writeDict(dictionary);
    this.text += '\nstream\n';
    this.writeBytes(value.raw);
    this.text += '\nendstream';
  }

  /** Writes `num gen obj ... endobj` and returns the offset where it starts. */
  writeIndirect(ref: PdfRef, value: PdfValue): number {
    const offset = this.length;
    this.text += `${ref.num} ${ref.gen} obj\n`;
    this.writeValue(value);
    this.text += '\nendobj\n';
    return offset;
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)));
  }

  private flush(): void {
    if (this.text) {
      this.chunks.push(this.text);
      this.flushedLength += this.text.length;
      this.text = '';
    }
  }
}
