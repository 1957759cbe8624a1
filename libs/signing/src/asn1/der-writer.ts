/** Just enough DER encoding to build an OCSP request. */
export function derElement(tag: number, content: Buffer): Buffer {
  const len = content.length;
  let header: Buffer;
  if (len < 0x80) header = Buffer.from([tag, len]);
  else {
    const bytes: number[] = [];
    for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

export const derSequence = (...items: Buffer[]): Buffer => derElement(0x30, Buffer.concat(items));
export const derOctetString = (b: Buffer): Buffer => derElement(0x04, b);
export const derNull = (): Buffer => Buffer.from([0x05, 0x00]);

export function derOid(oid: string): Buffer {
  const parts = oid.split('.').map(Number);
  const bytes: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let n = Math.floor(p / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return derElement(0x06, Buffer.from(bytes));
}
