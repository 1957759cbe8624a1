/** PEM ↔ DER for certificates, CRLs and keys; input may be either form. */

export function derToPem(der: Buffer, label: string): string {
  const base64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}

/** Returns the DER of the first PEM block (any label), or the input itself when it is not PEM. */
export function toDer(input: Buffer | string): Buffer {
  const text = typeof input === 'string' ? input : looksLikePem(input) ? input.toString('latin1') : undefined;
  if (text === undefined) return input as Buffer;
  const match = /-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/.exec(text);
  if (!match) return Buffer.from(text, 'latin1');
  return Buffer.from(match[1].replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
}

/** DER of every PEM block with this label, in order (e.g. a CA bundle). */
export function pemBlocks(text: string, label = 'CERTIFICATE'): Buffer[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((m) => Buffer.from(m[1].replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
}

function looksLikePem(data: Buffer): boolean {
  const head = data.subarray(0, 64).toString('latin1');
  return head.trimStart().startsWith('-----BEGIN');
}
