import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';
import { isDict, PdfDict, PdfRef, PdfValue } from './pdf-values';
import type { XrefEntry } from './xref-section';

/** What a revision needs from its file (PdfFile), kept as an interface so the two modules do not import each other. */
export interface PdfObjectSource {
  readonly buf: Buffer;
  parseObjectAt(offset: number, expectedNum: number | undefined, revision: PdfRevision | undefined): PdfValue;
  parseCompressed(streamOffset: number, streamNum: number, index: number, revision: PdfRevision): PdfValue;
}

/**
 * The document as it stood at the end of one revision: the merged cross-reference entries of its
 * section chain and its trailer. Values come from the file's shared object cache.
 */
export class PdfRevision {
  constructor(
    readonly file: PdfObjectSource,
    /** 0-based position among the file's revisions */
    readonly index: number,
    readonly xrefOffset: number,
    /** offset just after "%%EOF" */
    readonly eofEnd: number,
    /** offset just after the end-of-line that follows "%%EOF" (the usual end of a signed range) */
    readonly end: number,
    readonly entries: ReadonlyMap<number, XrefEntry>,
    readonly trailer: PdfDict,
  ) {}

  /** the object with this number, or null when it is free or missing */
  get(num: number): PdfValue {
    const e = this.entries.get(num);
    if (!e || e.kind === 'free') return null;
    if (e.kind === 'offset') {
      if (e.offset >= this.eofEnd)
        throw new PdfSyntaxError(`object ${num} lies beyond its revision`, e.offset);
      return this.file.parseObjectAt(e.offset, num, this);
    }
    const container = this.entries.get(e.stream);
    if (!container || container.kind !== 'offset')
      throw new PdfSyntaxError(`object stream ${e.stream} not found`, 0);
    return this.file.parseCompressed(container.offset, e.stream, e.index, this);
  }

  /** follows references until a direct value; undefined stays undefined, dangling references give null */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let hops = 0; v instanceof PdfRef; hops++) {
      if (hops > 32) throw new PdfSyntaxError('reference loop', 0);
      v = this.get(v.num);
    }
    return v;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    return isDict(v) ? v : undefined;
  }

  get catalog(): PdfDict | undefined {
    return this.dict(this.trailer.get('Root'));
  }

  /** a stable key of where object `num` is stored in this revision (equal keys mean the same bytes) */
  locationOf(num: number): string | undefined {
    const e = this.entries.get(num);
    if (!e || e.kind === 'free') return undefined;
    if (e.kind === 'offset') return `@${e.offset}`;
    const container = this.entries.get(e.stream);
    return container?.kind === 'offset' ? `@${container.offset}/${e.index}` : undefined;
  }
}
