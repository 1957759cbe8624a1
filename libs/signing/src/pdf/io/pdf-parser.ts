import {
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  type PdfArray,
  type PdfString,
  type PdfValue,
} from './pdf-objects';
import { readHexString, readLiteralString, type StringToken } from './pdf-strings';
import { PDF_DELIMITER, PDF_WHITESPACE } from '../../pdf-syntax/pdf-bytes';
import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';

/** A bare keyword met where a value was expected (content stream operators, `obj`, `R`, ...). */
export class PdfKeyword {
  constructor(readonly keyword: string) {}
}

// local bindings: the inner loops index these per byte, and a compiled import is a getter call
const WHITESPACE = PDF_WHITESPACE;
const DELIMITER = PDF_DELIMITER;

const isRegular = (c: number): boolean => WHITESPACE[c] === 0 && DELIMITER[c] === 0;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Resolves a stream's /Length when it is an indirect reference. */
export type LengthResolver = (ref: PdfRef) => number | undefined;

/**
 * A recursive-descent parser over a Buffer that reads exactly the bytes it is pointed at, so the
 * reader can parse one object out of a 50 MB file without touching the rest.
 */
export class PdfParser {
  pos: number;

  constructor(
    readonly buf: Buffer,
    pos = 0,
    private readonly end = buf.length,
  ) {
    this.pos = pos;
  }

  atEnd(): boolean {
    this.skipWhitespace();
    return this.pos >= this.end;
  }

  skipWhitespace(): void {
    const { buf, end } = this;
    let p = this.pos;
    while (p < end) {
      const c = buf[p];
      if (WHITESPACE[c]) p++;
      else if (c === 0x25 /* % */) {
        while (p < end && buf[p] !== 0x0a && buf[p] !== 0x0d) p++;
      } else break;
    }
    this.pos = p;
  }

  /** Reads a run of regular characters (a keyword or number) without interpreting it. */
  readRegular(): string {
    this.skipWhitespace();
    const start = this.pos;
    while (this.pos < this.end && isRegular(this.buf[this.pos])) this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  expectKeyword(keyword: string): void {
    const start = this.pos;
    const found = this.readRegular();
    if (found !== keyword)
      throw new PdfSyntaxError(`expected "${keyword}", found "${found.slice(0, 20)}"`, start);
  }

  /** Reads `num gen obj` and returns [num, gen], or undefined when the bytes here are not that. */
  readObjectHeader(): [number, number] | undefined {
    const save = this.pos;
    const num = this.readRegular();
    const gen = this.readRegular();
    const kw = this.readRegular();
    if (/^\d+$/.test(num) && /^\d+$/.test(gen) && kw === 'obj') return [Number(num), Number(gen)];
    this.pos = save;
    return undefined;
  }

  /** Parses one value; a bare keyword is an error (use `parseToken` for content streams). */
  parseValue(): PdfValue {
    const start = this.pos;
    const token = this.parseToken();
    if (token instanceof PdfKeyword)
      throw new PdfSyntaxError(`unexpected keyword "${token.keyword.slice(0, 20)}"`, start);
    return token;
  }

  /** Parses a value or, where a keyword stands, returns it as a PdfKeyword. */
  parseToken(): PdfValue | PdfKeyword {
    this.skipWhitespace();
    const { buf } = this;
    if (this.pos >= this.end) throw new PdfSyntaxError('unexpected end of data', this.pos);
    const c = buf[this.pos];
    if (c === 0x2f /* / */) return this.parseName();
    if (c === 0x28 /* ( */) return this.take(readLiteralString(buf, this.pos, this.end));
    if (c === 0x3c /* < */) {
      if (buf[this.pos + 1] === 0x3c) return this.parseDictionary();
      return this.take(readHexString(buf, this.pos, this.end));
    }
    if (c === 0x5b /* [ */) return this.parseArray();
    if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) return this.parseNumberOrRef();
    if (c === 0x5d || c === 0x3e || c === 0x29 || c === 0x7b || c === 0x7d) {
      throw new PdfSyntaxError(`unexpected "${String.fromCharCode(c)}"`, this.pos);
    }
    const start = this.pos;
    const word = this.readRegular();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (word.length === 0) throw new PdfSyntaxError('unexpected byte', start);
    return new PdfKeyword(word);
  }

  private parseName(): PdfName {
    const { buf } = this;
    let p = this.pos + 1;
    const start = p;
    while (p < this.end && isRegular(buf[p])) p++;
    this.pos = p;
    let raw = buf.toString('latin1', start, p);
    if (raw.includes('#')) {
      raw = raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    return PdfName.of(raw);
  }

  private parseNumberOrRef(): number | PdfRef {
    const first = this.readNumber();
    if (!Number.isInteger(first) || first < 0) return first;
    // An integer may start `num gen R`: look ahead without consuming on failure.
    const save = this.pos;
    const { buf } = this;
    this.skipWhitespace();
    if (this.pos < this.end && isDigit(buf[this.pos])) {
      let p = this.pos;
      while (p < this.end && isDigit(buf[p])) p++;
      if (p < this.end && !isRegular(buf[p])) {
        const gen = Number(buf.toString('latin1', this.pos, p));
        this.pos = p;
        this.skipWhitespace();
        if (buf[this.pos] === 0x52 /* R */ && (this.pos + 1 >= this.end || !isRegular(buf[this.pos + 1]))) {
          this.pos++;
          return new PdfRef(first, gen);
        }
      }
    }
    this.pos = save;
    return first;
  }

  private readNumber(): number {
    const start = this.pos;
    const { buf } = this;
    let p = start;
    while (p < this.end && isRegular(buf[p])) p++;
    this.pos = p;
    let text = buf.toString('latin1', start, p);
    // Tolerate producer quirks such as "--5" or "5-" the way common readers do.
    if (/^[+-]{2,}/.test(text)) text = text.replace(/^[+-]+/, '-');
    const value = Number(text);
    if (!Number.isFinite(value)) {
      const lenient = parseFloat(text);
      if (!Number.isFinite(lenient)) throw new PdfSyntaxError(`bad number "${text.slice(0, 20)}"`, start);
      return lenient;
    }
    return value;
  }

  private take(token: StringToken): PdfString {
    this.pos = token.end;
    return token.value;
  }

  private parseArray(): PdfArray {
    const start = this.pos;
    this.pos++;
    const items: PdfArray = [];
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.end) throw new PdfSyntaxError('unterminated array', start);
      if (this.buf[this.pos] === 0x5d) {
        this.pos++;
        return items;
      }
      items.push(this.parseValue());
    }
  }

  private parseDictionary(): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const result = new PdfDict();
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= this.end) throw new PdfSyntaxError('unterminated dictionary', start);
      const c = this.buf[this.pos];
      if (c === 0x3e && this.buf[this.pos + 1] === 0x3e) {
        this.pos += 2;
        break;
      }
      if (c !== 0x2f) throw new PdfSyntaxError('dictionary key is not a name', this.pos);
      const key = this.parseName().name;
      this.skipWhitespace();
      // "/Key >>" (a key without value) is seen in broken files; treat the value as null.
      if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) {
        result.set(key, null);
        continue;
      }
      result.set(key, this.parseValue());
    }
    return result;
  }

  /**
   * After a dictionary, reads `stream ... endstream` if present. Only indirect objects may carry
   * streams, so callers parsing an object body call this explicitly.
   */
  parseStreamAfter(dictionary: PdfDict, resolveLength: LengthResolver): PdfStream | undefined {
    const save = this.pos;
    this.skipWhitespace();
    const { buf } = this;
    if (buf.toString('latin1', this.pos, this.pos + 6) !== 'stream') {
      this.pos = save;
      return undefined;
    }
    let p = this.pos + 6;
    if (buf[p] === 0x0d) p++;
    if (buf[p] === 0x0a) p++;
    const dataStart = p;
    const lengthValue = dictionary.get('Length');
    const declared =
      lengthValue instanceof PdfRef
        ? resolveLength(lengthValue)
        : typeof lengthValue === 'number'
          ? lengthValue
          : undefined;
    let dataEnd = -1;
    if (declared !== undefined && declared >= 0 && dataStart + declared <= this.end) {
      const after = new PdfParser(buf, dataStart + declared, this.end);
      after.skipWhitespace();
      if (buf.toString('latin1', after.pos, after.pos + 9) === 'endstream') {
        dataEnd = dataStart + declared;
        this.pos = after.pos + 9;
      }
    }
    if (dataEnd < 0) {
      // A wrong /Length is common; fall back to the next "endstream" like other readers do.
      const found = buf.indexOf('endstream', dataStart, 'latin1');
      if (found < 0 || found >= this.end) throw new PdfSyntaxError('stream without endstream', dataStart);
      dataEnd = found;
      if (buf[dataEnd - 1] === 0x0a) dataEnd--;
      if (buf[dataEnd - 1] === 0x0d) dataEnd--;
      this.pos = found + 9;
    }
    return new PdfStream(dictionary, buf.subarray(dataStart, dataEnd));
  }
}
