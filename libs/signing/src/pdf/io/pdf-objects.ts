/**
 * A deliberately small PDF object model for the lazy reader and the incremental writer.
 *
 * Names are interned so that they compare by identity; dictionary keys are plain strings without the
 * leading slash (name bytes decoded as latin1, so any byte survives a round trip).
 */
export class PdfName {
  private static readonly interned = new Map<string, PdfName>();

  private constructor(readonly name: string) {}

  static of(name: string): PdfName {
    let value = PdfName.interned.get(name);
    if (!value) {
      value = new PdfName(name);
      PdfName.interned.set(name, value);
    }
    return value;
  }
}

/** An indirect reference `num gen R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number = 0,
  ) {}

  equals(other: PdfRef): boolean {
    return other.num === this.num && other.gen === this.gen;
  }
}

/** A string object: the decoded bytes, and whether it was (or is to be) written in hex form. */
export class PdfString {
  constructor(
    readonly bytes: Buffer,
    readonly hex: boolean = false,
  ) {}
}

/** Bytes written verbatim by the serializer (placeholders that are patched after writing). */
export class PdfRaw {
  constructor(readonly bytes: Buffer) {}
}

export class PdfDict {
  readonly entries: Map<string, PdfValue>;

  constructor(entries?: Iterable<readonly [string, PdfValue]>) {
    this.entries = new Map(entries as Iterable<[string, PdfValue]>);
  }

  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    return this;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** A shallow copy: nested arrays and dictionaries are shared, so copy those you change. */
  clone(): PdfDict {
    return new PdfDict(this.entries);
  }
}

/** A stream: its dictionary and its still-encoded bytes (a view into the file when read). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Buffer,
  ) {}
}

export type PdfArray = PdfValue[];

export type PdfValue =
  null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | PdfRaw | PdfArray;

export const name = (value: string): PdfName => PdfName.of(value);

export function dict(entries: Record<string, PdfValue | undefined>): PdfDict {
  const result = new PdfDict();
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) result.set(key, value);
  return result;
}

export function isName(value: PdfValue | undefined, expected?: string): value is PdfName {
  return value instanceof PdfName && (expected === undefined || value.name === expected);
}

export function asNumber(value: PdfValue | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}
