import type { PdfFile } from '../pdf-reader/pdf-file';
import type { PdfRevision } from '../pdf-reader/pdf-revision';
import {
  isArray,
  isDict,
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  PdfValue,
} from '../pdf-reader/pdf-values';
import type { ActiveContentFinding, ActiveContentKind } from './active-content-kinds';
import { ActiveContentFindings, type ObjectOrigin } from './active-content-findings';
import { headerBefore, objectStreamNumbers } from './object-headers';

/** action types (/S) that are active content by themselves, wherever the action sits */
const ACTIONS: Readonly<Record<string, ActiveContentKind>> = {
  JavaScript: 'JAVASCRIPT',
  Launch: 'LAUNCH',
  ImportData: 'IMPORT_DATA',
  SubmitForm: 'SUBMIT_FORM',
  ResetForm: 'RESET_FORM',
  GoToR: 'REMOTE_GOTO',
  GoToE: 'REMOTE_GOTO',
  Hide: 'VISIBILITY_ACTION',
  SetOCGState: 'VISIBILITY_ACTION',
  Movie: 'MULTIMEDIA',
  Sound: 'MULTIMEDIA',
  Rendition: 'MULTIMEDIA',
  RichMediaExecute: 'MULTIMEDIA',
  GoTo3DView: 'MULTIMEDIA',
};

/** annotation and object subtypes (/Subtype) that are active content */
const SUBTYPES: Readonly<Record<string, ActiveContentKind>> = {
  FileAttachment: 'EMBEDDED_FILE',
  Movie: 'MULTIMEDIA',
  Sound: 'MULTIMEDIA',
  Screen: 'MULTIMEDIA',
  RichMedia: 'MULTIMEDIA',
  '3D': 'MULTIMEDIA',
};

/** keys whose mere presence is active content */
const KEYS: Readonly<Record<string, ActiveContentKind>> = {
  JS: 'JAVASCRIPT',
  JavaScript: 'JAVASCRIPT', // the document-level JavaScript name tree in /Names
  EmbeddedFiles: 'EMBEDDED_FILE',
  EF: 'EMBEDDED_FILE',
  XFA: 'XFA',
  NeedsRendering: 'XFA',
  RichMediaContent: 'MULTIMEDIA',
};

/**
 * Finds active content in EVERY object of a PDF, not only where a viewer would look first: each
 * object of each revision (so an older revision a signature covers is judged as well as the
 * current one), each object packed in an object stream (those the cross-reference does not list
 * too), and each "n g obj" in the bytes that no cross-reference lists, which a viewer repairing a
 * damaged file would read. Every dictionary inside an object is looked at, however deeply nested,
 * stream dictionaries included; stream data other than object streams is not decoded (content
 * streams cannot hold actions). An object that cannot be read is reported, not skipped silently.
 */
export function scanActiveContent(file: PdfFile): ActiveContentFinding[] {
  const scan = new ActiveContentScan(file);
  scan.listedObjects();
  scan.unlistedObjects();
  return scan.found.list();
}

class ActiveContentScan {
  readonly found = new ActiveContentFindings();
  /** where objects are stored (`@offset`, `@offset/index`), each scanned once */
  private readonly seen = new Set<string>();
  /** object numbers of packed objects by `@streamOffset/index`, from every cross-reference */
  private readonly packedNumbers = new Map<string, number>();

  constructor(private readonly file: PdfFile) {}

  listedObjects(): void {
    for (const revision of this.file.revisions)
      for (const [num, e] of revision.entries) {
        if (e.kind !== 'compressed') continue;
        const container = revision.entries.get(e.stream);
        if (container?.kind === 'offset') this.packedNumbers.set(`@${container.offset}/${e.index}`, num);
      }
    for (const revision of this.file.revisions) {
      for (const [num, e] of revision.entries) {
        const origin = { num, revision: revision.index + 1 };
        if (e.kind === 'offset') this.object(e.offset, num, origin, revision);
        else if (e.kind === 'compressed') {
          // scanned with every object of its object stream
          const container = revision.entries.get(e.stream);
          if (container?.kind === 'offset')
            this.object(container.offset, e.stream, { num: e.stream, revision: origin.revision }, revision);
          else this.found.add('UNCHECKED_OBJECTS', origin);
        }
      }
    }
  }

  /** every "n g obj" header in the bytes at an offset no cross-reference gave */
  unlistedObjects(): void {
    const buf = this.file.buf;
    for (let at = buf.indexOf('obj', 0, 'latin1'); at >= 0; at = buf.indexOf('obj', at + 3, 'latin1')) {
      const header = headerBefore(buf, at);
      if (header === undefined) continue;
      // not an object here after all (bytes that look like a header inside a stream) unless it parses
      this.object(header.offset, header.num, { num: header.num }, this.file.last, true);
    }
  }

  private object(
    offset: number,
    num: number,
    origin: ObjectOrigin,
    revision: PdfRevision,
    quietly = false,
  ): void {
    const key = `@${offset}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    let value: PdfValue;
    try {
      value = this.file.parseObjectAt(offset, num, revision);
    } catch {
      if (!quietly) this.found.add('UNCHECKED_OBJECTS', origin);
      return;
    }
    this.value(value, origin, revision);
    if (value instanceof PdfStream && value.dict.name('Type') === 'ObjStm')
      this.objectStream(offset, num, value, origin, revision);
  }

  private objectStream(
    offset: number,
    num: number,
    stream: PdfStream,
    origin: ObjectOrigin,
    revision: PdfRevision,
  ): void {
    const count = this.resolve(stream.dict.get('N'), revision);
    let headerNumbers: number[] | undefined;
    for (let i = 0; typeof count === 'number' && i < count; i++) {
      const key = `@${offset}/${i}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const listed = this.packedNumbers.get(key);
      // packed objects no cross-reference lists are judged too, numbered by the stream's own header
      let packed: ObjectOrigin = { num: listed ?? num, revision: origin.revision };
      try {
        if (listed === undefined)
          packed = {
            num: (headerNumbers ??= objectStreamNumbers(stream, (v) => this.resolve(v, revision)))[i],
          };
        this.value(this.file.parseCompressed(offset, num, i, revision), packed, revision);
      } catch {
        this.found.add('UNCHECKED_OBJECTS', packed);
      }
    }
  }

  /** every dictionary inside one object */
  private value(root: PdfValue, origin: ObjectOrigin, revision: PdfRevision): void {
    const stack: PdfValue[] = [root];
    const push = (values: Iterable<PdfValue>) => {
      for (const x of values)
        if (x !== null && typeof x === 'object' && !(x instanceof PdfRef)) stack.push(x);
    };
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (isArray(v)) push(v);
      else if (v instanceof PdfStream) {
        this.dict(v.dict, origin, revision);
        push(v.dict.entries.values());
      } else if (isDict(v)) {
        this.dict(v, origin, revision);
        push(v.entries.values());
      }
    }
  }

  private dict(d: PdfDict, origin: ObjectOrigin, revision: PdfRevision): void {
    for (const key of d.entries.keys()) {
      const kind = KEYS[key];
      if (kind) this.found.add(kind, origin);
    }
    const type = this.name(d, 'Type', revision);
    if (type === 'EmbeddedFile') this.found.add('EMBEDDED_FILE', origin);
    const subtype = this.name(d, 'Subtype', revision);
    if (subtype && SUBTYPES[subtype]) this.found.add(SUBTYPES[subtype], origin);
    // /S names a structure element's role too; those are not actions
    const action = type === 'StructElem' ? undefined : this.name(d, 'S', revision);
    if (action && ACTIONS[action]) this.found.add(ACTIONS[action], origin);
    if (action === 'URI' && isJavaScriptUri(this.resolve(d.get('URI'), revision)))
      this.found.add('JAVASCRIPT', origin);
    if (d.has('AA') && this.triggers(d.get('AA'), revision)) this.found.add('ADDITIONAL_ACTIONS', origin);
    if (d.has('OpenAction') && this.opensActively(d.get('OpenAction'), revision))
      this.found.add('OPEN_ACTION', origin);
  }

  /** an /AA dictionary with at least one trigger (an unreadable one counts: it cannot be cleared) */
  private triggers(value: PdfValue | undefined, revision: PdfRevision): boolean {
    const aa = this.resolve(value, revision);
    return aa === undefined || (isDict(aa) && aa.entries.size > 0);
  }

  /** an /OpenAction that does more than show a page: a destination or a GoTo action is fine */
  private opensActively(value: PdfValue | undefined, revision: PdfRevision): boolean {
    const open = this.resolve(value, revision);
    if (open === undefined) return true; // unreadable: cannot be shown harmless
    return isDict(open) && this.name(open, 'S', revision) !== 'GoTo';
  }

  private name(d: PdfDict, key: string, revision: PdfRevision): string | undefined {
    const v = this.resolve(d.get(key), revision);
    return v instanceof PdfName ? v.name : undefined;
  }

  /** a direct value, or what a reference points to; undefined when it cannot be read */
  private resolve(value: PdfValue | undefined, revision: PdfRevision): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value;
    try {
      return revision.resolve(value);
    } catch {
      return undefined;
    }
  }
}

function isJavaScriptUri(uri: PdfValue | undefined): boolean {
  return uri instanceof PdfString && /^\s*javascript:/i.test(uri.text);
}
