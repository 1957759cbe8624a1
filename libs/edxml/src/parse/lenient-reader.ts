import type { Element } from '@xmldom/xmldom';
import { isValidAgencyCode } from '@vanthu/shared';
import { edxmlError } from '../edxml.errors';
import type { EdxmlLimits } from '../edxml-limits';
import { EDXML_NS } from '../model/edxml-names';
import { readEdxmlDate, readEdxmlTimestamp } from '../values/edxml-date';
import { type LeniencyCode, leniencyNote, type LeniencyNote } from './leniency-notes';
import type { ReducedDocument } from './reduced-document';

/**
 * Reading a package's DOM the way packages are written in the wild: elements by local name in the
 * edXML namespace or in none, any order, the first of duplicates, text trimmed, empty as absent.
 * Each liberty taken is noted once per place.
 */
export class LenientReader {
  private readonly recorded: LeniencyNote[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly reduced: ReducedDocument,
    private readonly limits: EdxmlLimits,
  ) {}

  get notes(): readonly LeniencyNote[] {
    return this.recorded;
  }

  note(code: LeniencyCode, path: string, raw?: string): void {
    const key = `${code}\u0000${path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.recorded.push(leniencyNote(code, path, raw));
  }

  /** element children named one of `names` */
  elements(parent: Element, names: string | readonly string[]): Element[] {
    const wanted = typeof names === 'string' ? [names] : names;
    const found: Element[] = [];
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      if (!wanted.includes(el.localName ?? '')) continue;
      if (el.namespaceURI !== EDXML_NS && el.namespaceURI !== null) continue;
      if (el.namespaceURI === null) this.note('ELEMENTS_WITHOUT_NAMESPACE', '');
      else if (el.prefix !== 'edXML') this.note('UNPREFIXED_ELEMENTS', '');
      found.push(el);
    }
    return found;
  }

  element(parent: Element, names: string | readonly string[], path: string): Element | undefined {
    const all = this.elements(parent, names);
    if (all.length > 1) this.note('DUPLICATE_ELEMENT', path);
    return all[0];
  }

  /** the trimmed text of the first child named `names`, undefined when missing or empty */
  text(parent: Element | undefined, names: string | readonly string[], path: string): string | undefined {
    const el = parent && this.element(parent, names, path);
    return el ? this.textOf(el, path) : undefined;
  }

  textOf(el: Element, path: string): string | undefined {
    let value = (el.textContent ?? '').trim();
    if (value.includes(this.reduced.nonce)) value = this.restoreRuns(value);
    if (value.length > this.limits.maxFieldChars)
      throw edxmlError('EDXML_TOO_LARGE', { what: 'field', path, limit: this.limits.maxFieldChars });
    return value === '' ? undefined : value;
  }

  /** required by the standard: absent values are noted and read as empty */
  required(parent: Element | undefined, names: string | readonly string[], path: string): string {
    const value = this.text(parent, names, path);
    if (value === undefined) this.note('MISSING_ELEMENT', path);
    return value ?? '';
  }

  date(parent: Element | undefined, names: string | readonly string[], path: string): string | undefined {
    const raw = this.text(parent, names, path);
    if (raw === undefined) return undefined;
    const d = readEdxmlDate(raw);
    if (d.value === undefined) this.note('DATE_INVALID', path, raw);
    else if (d.nonstandard) this.note('DATE_NONSTANDARD', path, raw);
    return d.value;
  }

  timestamp(
    parent: Element | undefined,
    names: string | readonly string[],
    path: string,
  ): string | undefined {
    const raw = this.text(parent, names, path);
    if (raw === undefined) return undefined;
    const t = readEdxmlTimestamp(raw);
    if (t.value === undefined) this.note('TIMESTAMP_INVALID', path, raw);
    else if (t.nonstandard) this.note('TIMESTAMP_NONSTANDARD', path, raw);
    return t.value;
  }

  integer(parent: Element | undefined, names: string | readonly string[], path: string): number | undefined {
    const raw = this.text(parent, names, path);
    if (raw === undefined) return undefined;
    if (!/^\d{1,9}$/.test(raw)) {
      this.note('NUMBER_INVALID', path, raw);
      return undefined;
    }
    return Number(raw);
  }

  /** an agency code kept as written; noted when it is not in the standard's form */
  organId(parent: Element | undefined, path: string): string {
    const raw = this.required(parent, 'OrganId', path);
    if (raw !== '' && !isValidAgencyCode(raw)) this.note('AGENCY_CODE_NONSTANDARD', path, raw);
    return raw;
  }

  /** the base64 of the runs a text holds (only in a document built to look like one) */
  private restoreRuns(value: string): string {
    return value.replace(new RegExp(`\\n*EDXMLRUN${this.reduced.nonce}X(\\d+)X`, 'g'), (_, i: string) => {
      const run = this.reduced.runs[Number(i)];
      return this.reduced.source.toString('latin1', run.start, run.end);
    });
  }
}
