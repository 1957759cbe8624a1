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
import { BoundedObjects } from './bounded-objects';
import { headerBefore } from './object-headers';

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

const OBJ = Buffer.from('obj', 'latin1');

class ActiveContentScan {
  readonly found = new ActiveContentFindings();
  private readonly objects: BoundedObjects;
  /** file offsets of the objects scanned, each scanned once */
  private readonly seenAt = new Set<number>();
  /** object-stream members scanned, as `streamOffset/index` */
  private readonly seenPacked = new Set<string>();
  /** members some cross-reference lists (`streamOffset/index`), with the first revision that does */
  private readonly listedPacked = new Map<string, number>();
  /** where the data of the listed streams lies: a header inside it is data, as repairing readers see it */
  private readonly streamData: [number, number][] = [];

  constructor(private readonly file: PdfFile) {
    this.objects = new BoundedObjects(file);
  }

  listedObjects(): void {
    for (const revision of this.file.revisions)
      for (const e of revision.entries.values()) {
        const container = e.kind === 'compressed' ? revision.entries.get(e.stream) : undefined;
        const key =
          container?.kind === 'offset' && e.kind === 'compressed' && `${container.offset}/${e.index}`;
        if (key && !this.listedPacked.has(key)) this.listedPacked.set(key, revision.index + 1);
      }
    for (const revision of this.file.revisions) {
      const number = revision.index + 1;
      for (const [num, e] of revision.entries) {
        if (e.kind === 'offset') this.listed(e.offset, num, number, revision);
        else if (e.kind === 'compressed') {
          // a packed object is scanned with every member of its object stream
          const container = revision.entries.get(e.stream);
          if (container?.kind === 'offset') this.listed(container.offset, e.stream, number, revision);
          else this.found.add('UNCHECKED_OBJECTS', { num, revision: number });
        }
      }
    }
  }

  /** every "n g obj" header in the bytes, outside the listed streams' data, that no cross-reference gives */
  unlistedObjects(): void {
    const buf = this.file.buf;
    const headers: { offset: number; num: number }[] = [];
    const data = this.streamData.sort((a, b) => a[0] - b[0]);
    let d = 0;
    for (let at = buf.indexOf(OBJ); at >= 0; at = buf.indexOf(OBJ, at + 3)) {
      const header = headerBefore(buf, at);
      if (header === undefined || this.seenAt.has(header.offset)) continue;
      while (d < data.length && data[d][1] <= header.offset) d++;
      if (d < data.length && data[d][0] <= header.offset) continue;
      headers.push(header);
    }
    headers.forEach(({ offset, num }, i) => {
      const end = Math.min(this.objects.nextListedStart(offset), headers[i + 1]?.offset ?? buf.length);
      this.seenAt.add(offset);
      // bytes that look like a header but hold no object are not reported
      const value = this.objects.unlisted(offset, end);
      if (value !== undefined) this.scanObject(value, offset, { num }, this.file.last);
    });
  }

  private listed(offset: number, num: number, revisionNumber: number, revision: PdfRevision): void {
    if (this.seenAt.has(offset)) return;
    this.seenAt.add(offset);
    const value = this.objects.listed(offset, num);
    if (value === undefined) this.found.add('UNCHECKED_OBJECTS', { num, revision: revisionNumber });
    else {
      if (value instanceof PdfStream) {
        const start = value.data.byteOffset - this.file.buf.byteOffset;
        this.streamData.push([start, start + value.data.length]);
      }
      this.scanObject(value, offset, { num, revision: revisionNumber }, revision);
    }
  }

  private scanObject(value: PdfValue, offset: number, origin: ObjectOrigin, revision: PdfRevision): void {
    this.value(value, origin, revision);
    if (!(value instanceof PdfStream) || value.dict.name('Type') !== 'ObjStm') return;
    const members = this.objects.packed(offset, value, revision);
    if (!members) {
      this.found.add('UNCHECKED_OBJECTS', origin);
      return;
    }
    members.forEach((member, index) => {
      const key = `${offset}/${index}`;
      if (this.seenPacked.has(key)) return;
      this.seenPacked.add(key);
      // members no cross-reference lists are judged too, by the number the stream gives them
      const listedIn = this.listedPacked.get(key);
      const at: ObjectOrigin =
        listedIn === undefined ? { num: member.num } : { num: member.num, revision: listedIn };
      if (member.value === undefined) this.found.add('UNCHECKED_OBJECTS', at);
      else this.value(member.value, at, revision);
    });
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
    return this.objects.resolve(value, revision);
  }
}

function isJavaScriptUri(uri: PdfValue | undefined): boolean {
  return uri instanceof PdfString && /^\s*javascript:/i.test(uri.text);
}
