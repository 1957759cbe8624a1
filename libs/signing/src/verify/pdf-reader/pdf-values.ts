/** The PDF object model as the verifier reads it: immutable values, streams as views of the file. */

export class PdfName {
  private static readonly table = new Map<string, PdfName>();
  private constructor(readonly name: string) {}
  /** names are interned, so two equal names are the same object */
  static of(name: string): PdfName {
    let n = PdfName.table.get(name);
    if (!n) {
      n = new PdfName(name);
      PdfName.table.set(name, n);
    }
    return n;
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(
    readonly bytes: Buffer,
    readonly hex: boolean,
    /** position of the opening delimiter in the file, -1 when read from a decoded object stream */
    readonly start = -1,
    /** position just after the closing delimiter, -1 when unknown */
    readonly end = -1,
  ) {}

  /** text string decoding: UTF-16BE or UTF-8 with a byte order mark, else PDFDocEncoding (≈ Latin-1) */
  get text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const swapped = Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
      return b.subarray(3).toString('utf8');
    return b.toString('latin1');
  }
}

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  /** the value of /Type or /Subtype etc. when it is a name */
  name(key: string): string | undefined {
    const v = this.entries.get(key);
    return v instanceof PdfName ? v.name : undefined;
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** the encoded data: a view of the file (or of a decoded object stream), never a copy */
    readonly data: Buffer,
  ) {}
}

export type PdfValue =
  null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof PdfDict;
export const isArray = (v: PdfValue | undefined): v is PdfValue[] => Array.isArray(v);

/** "D:20240102030405+07'00'" → Date; undefined when it cannot be read */
export function parsePdfDate(s: string): Date | undefined {
  const m = s.match(
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/,
  );
  if (!m) return undefined;
  const t = Date.UTC(
    +m[1],
    m[2] ? +m[2] - 1 : 0,
    m[3] ? +m[3] : 1,
    m[4] ? +m[4] : 0,
    m[5] ? +m[5] : 0,
    m[6] ? +m[6] : 0,
  );
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (+m[9] * 60 + (m[10] ? +m[10] : 0)) : 0;
  const d = new Date(t - offset * 60000);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
