import { edxmlError } from '../edxml.errors';
import type { EdxmlLimits } from '../edxml-limits';

/**
 * One linear pass over the markup before any parser sees it: refuses a DOCTYPE (no DTD, so no
 * entity expansion and no external entity can ever be fetched), and bounds nesting depth and element
 * count (the DOM parser's cost grows faster than linearly with depth). Exact for well-formed XML,
 * where `<` only starts markup; on anything else the DOM parser that follows gives the error.
 */
export function scanMarkup(xml: string, limits: EdxmlLimits): void {
  let depth = 0;
  let elements = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    if (xml.startsWith('<!--', i)) i = skipTo(xml, '-->', i + 4);
    else if (xml.startsWith('<![CDATA[', i)) i = skipTo(xml, ']]>', i + 9);
    else if (next === 0x3f /* ? */) i = skipTo(xml, '?>', i + 2);
    else if (next === 0x21 /* ! */) {
      throw edxmlError('EDXML_DTD_FORBIDDEN', lineColumn(xml, i));
    } else if (next === 0x2f /* / */) {
      depth--;
      i = xml.indexOf('>', i);
    } else {
      const end = startTagEnd(xml, i + 1);
      if (end < 0) return;
      if (xml.charCodeAt(end - 1) !== 0x2f) depth++;
      if (++elements > limits.maxElements)
        throw edxmlError('EDXML_TOO_LARGE', { what: 'elements', limit: limits.maxElements });
      if (depth > limits.maxDepth)
        throw edxmlError('EDXML_TOO_LARGE', { what: 'depth', limit: limits.maxDepth, ...lineColumn(xml, i) });
      i = end;
    }
    if (i < 0) return;
    i = xml.indexOf('<', i);
  }
}

function skipTo(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** the index of the `>` closing a start tag, skipping quoted attribute values */
function startTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let k = from; k < xml.length; k++) {
    const c = xml[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return k;
  }
  return -1;
}

export function lineColumn(xml: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = xml.indexOf('\n'); k >= 0 && k < index; k = xml.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * U+0085, U+2028 and U+2029 in text and attribute values written as character references: xmldom
 * turns the raw characters into line feeds (XML 1.1's rule) where an XML 1.0 parser such as libxml2
 * keeps them, and a signature over them would verify with one and not the other. A reference means
 * the character to every parser. Comments, CDATA sections and processing instructions are left as
 * they are (a reference is not one there).
 */
export function escapeXml11LineBreaks(xml: string): string {
  if (!/[\u0085\u2028\u2029]/.test(xml)) return xml;
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  const verbatim = (open: string, close: string): boolean => {
    if (!xml.startsWith(open, i)) return false;
    const end = xml.indexOf(close, i + open.length);
    i = end < 0 ? xml.length : end + close.length;
    return true;
  };
  while (i < xml.length) {
    if (verbatim('<!--', '-->') || verbatim('<![CDATA[', ']]>') || verbatim('<?', '?>')) continue;
    const c = xml.charCodeAt(i);
    if (c === 0x85 || c === 0x2028 || c === 0x2029) {
      out.push(xml.slice(copied, i), `&#x${c.toString(16)};`);
      copied = i + 1;
    }
    i++;
  }
  out.push(xml.slice(copied));
  return out.join('');
}
