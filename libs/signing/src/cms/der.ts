/**
 * A minimal DER writer over Buffers. The CMS signer assembles its output from pieces cached per
 * identity (certificates, signer identifier, ESS attribute) plus a few fresh values per signature;
 * concatenating exact bytes keeps every certificate byte-identical to what the CA issued and costs
 * microseconds, where rebuilding asn1js object trees for each signature would not. The one DER writer
 * of libs/signing: the verifier's OCSP requests are built with it too.
 */

export const DER_TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  bmpString: 0x1e,
  sequence: 0x30,
  set: 0x31,
} as const;

const NULL_DER = Buffer.from([0x05, 0x00]);
const oidCache = new Map<string, Buffer>();

export function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...contents: readonly Buffer[]): Buffer {
  const body = contents.length === 1 ? contents[0] : Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

export const der = {
  sequence: (...items: Buffer[]): Buffer => tlv(DER_TAG.sequence, ...items),
  /** SET OF in DER: elements sorted by their encodings (X.690 11.6); verifiers re-encode and compare. */
  setOf: (...items: Buffer[]): Buffer => tlv(DER_TAG.set, ...[...items].sort(Buffer.compare)),
  octetString: (value: Buffer | Uint8Array): Buffer => tlv(DER_TAG.octetString, Buffer.from(value)),
  null: (): Buffer => NULL_DER,
  boolean: (value: boolean): Buffer => Buffer.from([DER_TAG.boolean, 1, value ? 0xff : 0x00]),
  utf8String: (value: string): Buffer => tlv(DER_TAG.utf8String, Buffer.from(value, 'utf8')),
  ia5String: (value: string): Buffer => tlv(DER_TAG.ia5String, Buffer.from(value, 'ascii')),
  bmpString: (value: string): Buffer => tlv(DER_TAG.bmpString, Buffer.from(value, 'utf16le').swap16()),
  /** INTEGER from a non-negative number or from big-endian unsigned bytes. */
  integer: (value: number | bigint | Buffer): Buffer => tlv(DER_TAG.integer, integerContent(value)),
  bitString: (value: Buffer): Buffer => tlv(DER_TAG.bitString, Buffer.from([0]), value),
  generalizedTime: (date: Date): Buffer =>
    tlv(DER_TAG.generalizedTime, Buffer.from(generalizedTimeString(date))),
  oid: (dotted: string): Buffer => {
    let encoded = oidCache.get(dotted);
    if (!encoded) {
      encoded = tlv(DER_TAG.oid, oidContent(dotted));
      oidCache.set(dotted, encoded);
    }
    return encoded;
  },
  /** `[n] EXPLICIT` or a constructed `[n] IMPLICIT` around a SEQUENCE/SET body. */
  contextConstructed: (tagNumber: number, ...items: Buffer[]): Buffer => tlv(0xa0 | tagNumber, ...items),
  contextPrimitive: (tagNumber: number, content: Buffer): Buffer => tlv(0x80 | tagNumber, content),
  /** AlgorithmIdentifier; `parameters` undefined means absent (not NULL). */
  algorithm: (oid: string, parameters?: Buffer): Buffer =>
    parameters ? tlv(DER_TAG.sequence, der.oid(oid), parameters) : tlv(DER_TAG.sequence, der.oid(oid)),
};

/** Replaces the outer tag of an encoding, e.g. SET (0x31) → [0] IMPLICIT (0xA0) for signed attributes. */
export function retag(encoding: Buffer, tag: number): Buffer {
  const copy = Buffer.from(encoding);
  copy[0] = tag;
  return copy;
}

function integerContent(value: number | bigint | Buffer): Buffer {
  let bytes: Buffer;
  if (Buffer.isBuffer(value)) {
    let start = 0;
    while (start < value.length - 1 && value[start] === 0) start++;
    bytes = value.subarray(start);
    if (bytes.length === 0) bytes = Buffer.from([0]);
  } else {
    let big = BigInt(value);
    if (big < 0n) throw new RangeError('negative INTEGER is not needed here');
    const out: number[] = [];
    do {
      out.unshift(Number(big & 0xffn));
      big >>= 8n;
    } while (big > 0n);
    bytes = Buffer.from(out);
  }
  return bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : Buffer.from(bytes);
}

function oidContent(dotted: string): Buffer {
  const arcs = dotted.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new TypeError(`bad OID ${dotted}`);
  const out: number[] = [];
  const pushArc = (arc: bigint): void => {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) chunk.unshift(Number(rest & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  pushArc(arcs[0] * 40n + arcs[1]);
  arcs.slice(2).forEach(pushArc);
  return Buffer.from(out);
}

function generalizedTimeString(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const millis = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${millis ? `.${millis}` : ''}Z`;
}
