/*
 * What the builder writes is already in exclusive canonical form (W3C Exclusive XML
 * Canonicalization 1.0, without comments): no XML declaration inside the signed part, every
 * namespace declared once on the root (the only place it is visibly used first), attributes
 * sorted, empty elements as start and end tag, text escaped exactly as C14N escapes it. So the
 * digest of the envelope is the SHA-256 of the bytes we write, minus the Signature element, and it
 * can be computed while the attachments stream (the tests check it against xml-crypto and xmlsec1).
 */

/** Text content as C14N writes it: &amp; &lt; &gt; and CR as &#xD;. */
export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch]!);
}

/** Attribute values as C14N writes them (always in double quotes). */
export function escapeAttribute(text: string): string {
  return text.replace(/[&<"\t\n\r]/g, (ch) => ATTRIBUTE_ESCAPES[ch]!);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/**
 * Indented elements of one prefix, written in canonical form: each child on its own line, two
 * spaces per level, text-only elements on one line. The indentation is ordinary text and is signed
 * like the rest.
 */
export class CanonicalXmlWriter {
  private readonly parts: string[] = [];

  constructor(private readonly prefix: string) {}

  /** `<p:name a="v">` on a new line at `depth`; attributes must come sorted by name */
  open(name: string, depth: number, attributes: readonly (readonly [string, string])[] = []): this {
    const attrs = attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    this.parts.push(`\n${indent(depth)}<${this.prefix}:${name}${attrs}>`);
    return this;
  }

  close(name: string, depth: number): this {
    this.parts.push(`\n${indent(depth)}</${this.prefix}:${name}>`);
    return this;
  }

  /** `<p:name>text</p:name>`, empty when the text is undefined */
  leaf(
    name: string,
    depth: number,
    text: string | number | undefined,
    attributes: readonly (readonly [string, string])[] = [],
  ): this {
    const body = text === undefined ? '' : escapeText(String(text));
    const attrs = attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    this.parts.push(`\n${indent(depth)}<${this.prefix}:${name}${attrs}>${body}</${this.prefix}:${name}>`);
    return this;
  }

  raw(text: string): this {
    this.parts.push(text);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}

export function indent(depth: number): string {
  return '  '.repeat(depth);
}
