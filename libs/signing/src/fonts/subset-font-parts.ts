import { createHash } from 'node:crypto';
import type { Subset } from '@pdf-lib/fontkit';

/**
 * The PDF-writer-independent parts of embedding a TrueType subset as a Type0/Identity-H font:
 * used by the signer's appearances and by the register printer, which write PDF objects differently.
 */

export const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The subset font program (FontFile2 bytes). */
export function encodeFontSubset(subset: Subset): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    const stream = subset.encodeStream() as unknown as {
      on(event: string, callback: (data?: unknown) => void): typeof stream;
    };
    stream
      .on('data', (data) => parts.push(data as Uint8Array))
      .on('end', () => resolve(Buffer.concat(parts)))
      .on('error', (error) => reject(error as Error));
  });
}

/** The six-letter subset tag of a BaseFont name (`ABCDEF+Tinos-Regular`), derived from `material`. */
export function subsetTag(material: string | Uint8Array): string {
  return createHash('sha256')
    .update(material)
    .digest()
    .subarray(0, 6)
    .reduce((s, b) => s + String.fromCharCode(65 + (b % 26)), '');
}

/** `ABCDEF+<PostScript name>`, with characters a PDF name cannot hold removed. */
export function subsetFontName(tag: string, postscriptName: string): string {
  return `${tag}+${postscriptName.replace(/[^A-Za-z0-9-]/g, '')}`;
}

/**
 * The ToUnicode CMap (CID → text) that lets text be copied and searched with its diacritics
 * (pdftotext reads it). `entries` are [cid, text] pairs in CID order.
 */
export function toUnicodeCMap(entries: readonly (readonly [number, string])[]): Buffer {
  const utf16Hex = (text: string) =>
    Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join('');
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
  ];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [cid, text] of chunk) lines.push(`<${hex4(cid)}> <${utf16Hex(text)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return Buffer.from(lines.join('\n'), 'latin1');
}
