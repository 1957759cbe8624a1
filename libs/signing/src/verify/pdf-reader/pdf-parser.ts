import { PdfDict, PdfName, PdfRef, PdfString, PdfValue } from './pdf-values';

/** whitespace and delimiter classes of PDF bytes (ISO 32000-1 §7.2.2) */
const WS = new Uint8Array(256);
const DELIM = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at byte ${position}`);
    this.name = 'PdfSyntaxError';
  }
}

/**
 * A recursive-descent reader of PDF objects over a byte buffer. It never copies the buffer:
 * strings keep their positions (the signature's /Contents must be located exactly) and hex
 * strings are decoded on the fly.
 */
export class PdfParser {
  pos: number;

  constructor(
    readonly buf: Buffer,
    pos = 0,
    /** false when `buf` is a decoded object stream, so string positions mean nothing in the file */
    private readonly filePositions = true,
  ) {
    this.pos = pos;
  }

  static isWhitespace(c: number): boolean {
    return WS[c] === 1;
  }

  skipWhitespace(): void {
    const buf = this.buf;
    let p = this.pos;
    for (;;) {
      while (p < buf.length && WS[buf[p]]) p++;
      if (buf[p] !== 0x25) break; // '%' comment up to the end of the line
      while (p < buf.length && buf[p] !== 10 && buf[p] !== 13) p++;
    }
    this.pos = p;
  }

  /** reads a bare keyword or number token (no delimiters) */
  readToken(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.buf.length && !WS[this.buf[this.pos]] && !DELIM[this.buf[this.pos]]) this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  /** true and consumed when the next token is exactly `word` */
  acceptKeyword(word: string): boolean {
    this.skipWhitespace();
    const end = this.pos + word.length;
    if (end > this.buf.length || this.buf.toString('latin1', this.pos, end) !== word) return false;
    if (end < this.buf.length && !WS[this.buf[end]] && !DELIM[this.buf[end]]) return false;
    this.pos = end;
    return true;
  }

  readInteger(): number {
    const t = this.readToken();
    if (!/^[+-]?\d+$/.test(t))
      throw new PdfSyntaxError(`expected an integer, found "${t.slice(0, 20)}"`, this.pos);
    return Number(t);
  }

  parseValue(depth = 0): PdfValue {
    if (depth > 200) throw new PdfSyntaxError('objects nested too deeply', this.pos);
    this.skipWhitespace();
    const buf = this.buf;
    const c = buf[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end of data', this.pos);
    if (c === 0x2f) return this.parseName();
    if (c === 0x28) return this.parseLiteralString();
    if (c === 0x3c) {
      if (buf[this.pos + 1] === 0x3c) return this.parseDict(depth);
      return this.parseHexString();
    }
    if (c === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace();
        if (buf[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        if (this.pos >= buf.length) throw new PdfSyntaxError('unterminated array', this.pos);
        items.push(this.parseValue(depth + 1));
      }
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.parseNumberOrRef();
    const start = this.pos;
    const word = this.readToken();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (word === '') this.pos++; // a stray delimiter such as ')' or '}'
    throw new PdfSyntaxError(`unexpected token "${word.slice(0, 20)}"`, start);
  }

  parseDict(depth = 0): PdfDict {
    const buf = this.buf;
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhitespace();
      if (buf[this.pos] === 0x3e && buf[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(entries);
      }
      if (this.pos >= buf.length) throw new PdfSyntaxError('unterminated dictionary', this.pos);
      if (buf[this.pos] !== 0x2f) throw new PdfSyntaxError('dictionary key is not a name', this.pos);
      const key = this.parseName().name;
      this.skipWhitespace();
      // a key followed directly by ">>" has no value; treat it as absent like other readers do
      if (buf[this.pos] === 0x3e && buf[this.pos + 1] === 0x3e) continue;
      const value = this.parseValue(depth + 1);
      if (value !== null) entries.set(key, value);
    }
  }

  private parseName(): PdfName {
    const buf = this.buf;
    const start = ++this.pos;
    let hasEscape = false;
    while (this.pos < buf.length && !WS[buf[this.pos]] && !DELIM[buf[this.pos]]) {
      if (buf[this.pos] === 0x23) hasEscape = true;
      this.pos++;
    }
    let name = buf.toString('latin1', start, this.pos);
    if (hasEscape)
      name = name.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return PdfName.of(name);
  }

  private parseNumberOrRef(): number | PdfRef {
    const buf = this.buf;
    const start = this.pos;
    let p = this.pos;
    let isInt = true;
    // integers (nearly all numbers: widths, references, offsets) are summed digit by digit, without
    // a string per number; a real, a long run of digits or a stray sign goes through Number()
    let digits = 0;
    if (buf[p] === 0x2b || buf[p] === 0x2d) p++;
    const digitsStart = p;
    while (p < buf.length && ((buf[p] >= 0x30 && buf[p] <= 0x39) || buf[p] === 0x2e)) {
      if (buf[p] === 0x2e) isInt = false;
      else digits = digits * 10 + (buf[p] - 0x30);
      p++;
    }
    this.pos = p;
    let value: number;
    if (isInt && p > digitsStart && p - digitsStart <= 15) value = buf[start] === 0x2d ? -digits : digits;
    else {
      const n = Number(buf.toString('latin1', start, p));
      value = Number.isNaN(n) ? 0 : n;
    }
    if (!isInt || buf[start] === 0x2d || buf[start] === 0x2b) return value;
    // "n g R" lookahead
    let q = p;
    while (q < buf.length && WS[buf[q]]) q++;
    const genStart = q;
    let gen = 0;
    while (q < buf.length && buf[q] >= 0x30 && buf[q] <= 0x39) gen = gen * 10 + (buf[q++] - 0x30);
    if (q === genStart || q - genStart > 5) return value;
    while (q < buf.length && WS[buf[q]]) q++;
    if (buf[q] !== 0x52 || (q + 1 < buf.length && !WS[buf[q + 1]] && !DELIM[buf[q + 1]])) return value;
    this.pos = q + 1;
    return new PdfRef(value, gen);
  }

  private parseHexString(): PdfString {
    const buf = this.buf;
    const start = this.pos++;
    const end = buf.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string', start);
    let hex = buf.toString('latin1', this.pos, end);
    // Buffer.from stops at the first non-hex pair: a full-length result means the string was clean
    let bytes = Buffer.from(hex, 'hex');
    if (bytes.length * 2 !== hex.length) {
      hex = hex.replace(/[^0-9a-fA-F]/g, '');
      if (hex.length % 2) hex += '0';
      bytes = Buffer.from(hex, 'hex');
    }
    this.pos = end + 1;
    return new PdfString(bytes, true, this.filePositions ? start : -1, this.filePositions ? end + 1 : -1);
  }

  private parseLiteralString(): PdfString {
    const buf = this.buf;
    const start = this.pos++;
    const out: number[] = [];
    let nesting = 1;
    while (this.pos < buf.length) {
      const c = buf[this.pos++];
      if (c === 0x5c) {
        const e = buf[this.pos++];
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && buf[this.pos] >= 0x30 && buf[this.pos] <= 0x37; k++)
            v = v * 8 + (buf[this.pos++] - 0x30);
          out.push(v & 0xff);
        } else if (e === 13) {
          if (buf[this.pos] === 10) this.pos++;
        } else if (e !== 10) out.push(e);
        continue;
      }
      if (c === 0x28) nesting++;
      if (c === 0x29 && --nesting === 0) {
        const bytes = Buffer.from(out);
        return new PdfString(
          bytes,
          false,
          this.filePositions ? start : -1,
          this.filePositions ? this.pos : -1,
        );
      }
      if (c === 13) {
        if (buf[this.pos] === 10) this.pos++;
        out.push(10);
        continue;
      }
      out.push(c);
    }
    throw new PdfSyntaxError('unterminated string', start);
  }
}
