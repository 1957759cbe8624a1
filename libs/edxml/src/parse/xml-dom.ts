import { DOMParser, type Document } from '@xmldom/xmldom';
import { edxmlError } from '../edxml.errors';
import type { EdxmlLimits } from '../edxml-limits';
import { EDXML_NS } from '../model/edxml-names';
import { firstNonXmlChar } from '../values/xml-text';
import { escapeXml11LineBreaks, lineColumn, scanMarkup } from './markup-scan';
import type { ReducedDocument } from './reduced-document';

/**
 * Prefixes used without a declaration in packages from production hubs, resolved as their authors
 * meant: `xlink:href` on a manifest Reference, and `edXML:` on AttachmentEncoded after the envelope
 * that declared it has closed. Tried in this order, only when the strict parse fails.
 */
const WELL_KNOWN_PREFIXES: readonly Record<string, string>[] = [
  {
    xlink: 'http://www.w3.org/1999/xlink',
    xsi: 'http://www.w3.org/2001/XMLSchema-instance',
    xsd: 'http://www.w3.org/2001/XMLSchema',
  },
  { edXML: EDXML_NS },
];

export interface LoadedXml {
  readonly document: Document;
  /** the text both DOM parsers read (xmldom 0.9 here, xml-crypto's own for the signature) */
  readonly xml: string;
  /** prefixes that had to be resolved from WELL_KNOWN_PREFIXES */
  readonly undeclaredPrefixes: readonly string[];
}

/**
 * Well-formedness first, with @xmldom/xmldom 0.9 treating every error and warning as fatal (0.8,
 * which xml-crypto bundles, accepts malformed input). Refusals are EDXML_NOT_WELL_FORMED with the
 * line and column in the package file. Characters XML 1.0 forbids are refused too (xmldom lets
 * them through).
 */
export function loadXml(reduced: ReducedDocument, limits: EdxmlLimits): LoadedXml {
  scanMarkup(reduced.xml, limits);
  const xml = escapeXml11LineBreaks(reduced.xml);
  const bad = firstNonXmlChar(xml);
  if (bad >= 0) throw notWellFormed(reduced, 'character not allowed in XML 1.0', lineColumn(xml, bad));
  try {
    return { document: parse(xml, {}), xml, undeclaredPrefixes: [] };
  } catch (first) {
    let error = first;
    let assumed: Record<string, string> = {};
    for (const more of WELL_KNOWN_PREFIXES) {
      if (!String((error as Error).message).includes('prefix is non-null and namespace is null')) break;
      assumed = { ...assumed, ...more };
      try {
        const document = parse(xml, assumed);
        const used = Object.keys(assumed).filter((p) => new RegExp(`[<\\s]${p}:`).test(xml));
        return { document, xml, undeclaredPrefixes: used };
      } catch (next) {
        error = next;
      }
    }
    throw fromParseError(reduced, error);
  }
}

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function parse(xml: string, xmlns: Record<string, string>): Document {
  const parser = new DOMParser({
    xmlns,
    onError: (level, message, context) => {
      // U+FFFD is a legal character; xmldom only hints that the source may be badly decoded
      if (level === 'warning' && message.startsWith('Unicode replacement character')) return;
      const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
      throw new XmlSyntaxError(message, locator?.lineNumber ?? 0, locator?.columnNumber ?? 0);
    },
  });
  const document = parser.parseFromString(xml, 'text/xml');
  if (!document.documentElement) throw new XmlSyntaxError('no root element', 1, 1);
  return document;
}

function fromParseError(reduced: ReducedDocument, error: unknown) {
  const cause = error instanceof XmlSyntaxError ? error : findSyntaxError(error);
  const message = (cause?.message ?? (error as Error).message).replace(/^Reporting \w+ "|" caused.*$/g, '');
  return notWellFormed(reduced, message, { line: cause?.line ?? 0, column: cause?.column ?? 0 });
}

function findSyntaxError(error: unknown): XmlSyntaxError | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e instanceof XmlSyntaxError) return e;
    const locator = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    if (locator?.lineNumber)
      return new XmlSyntaxError((e as Error).message, locator.lineNumber, locator.columnNumber ?? 0);
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * EDXML_NOT_WELL_FORMED at the position in the package file: lines are the same as in the markup
 * (placeholders keep their run's line breaks); on the line where a run ends the column is shifted
 * by the difference between the run's last line and the placeholder.
 */
export function notWellFormed(
  reduced: ReducedDocument,
  reason: string,
  at: { line: number; column: number },
) {
  let column = at.column;
  for (const run of reduced.runs) {
    const tokenAt = reduced.xml.indexOf(run.token);
    const end = lineColumn(reduced.xml, tokenAt + run.token.length);
    if (end.line === at.line && at.column >= end.column) {
      const originalEnd =
        run.lineBreaks > 0 ? run.lastLineLength + 1 : end.column - run.token.length + (run.end - run.start);
      column += originalEnd - end.column;
    }
  }
  return edxmlError('EDXML_NOT_WELL_FORMED', { reason: reason.slice(0, 200), line: at.line, column });
}
