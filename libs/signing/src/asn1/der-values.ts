import { DerError, DerNode } from './der-node';

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** context-specific tag [n], constructed or primitive */
export const ctx = (n: number, constructed = true): number => 0x80 | (constructed ? 0x20 : 0) | n;

const oidCache = new Map<string, string>();

export function readOid(node: DerNode): string {
  node.expect(TAG.OID);
  const bytes = node.value;
  const key = bytes.toString('latin1');
  const cached = oidCache.get(key);
  if (cached) return cached;
  const parts: number[] = [];
  let acc = 0;
  for (const b of bytes) {
    acc = acc * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) parts.push(acc < 80 ? Math.floor(acc / 40) : 2, acc < 80 ? acc % 40 : acc - 80);
      else parts.push(acc);
      acc = 0;
    }
  }
  const oid = parts.join('.');
  oidCache.set(key, oid);
  return oid;
}

/** INTEGER as lower-case hex without leading zero octets (the usual way to show serial numbers) */
export function readIntegerHex(node: DerNode): string {
  node.expect(TAG.INTEGER);
  let v = node.value;
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  return v.toString('hex');
}

export function readSmallInteger(node: DerNode): number {
  if (node.tag !== TAG.INTEGER && node.tag !== TAG.ENUMERATED) throw new DerError('expected INTEGER');
  let n = 0;
  for (const b of node.value) n = n * 256 + b;
  return n;
}

/** UTCTime or GeneralizedTime (with optional fractional seconds, Z or an offset) */
export function readTime(node: DerNode): Date {
  const s = node.value.toString('latin1');
  let m: RegExpMatchArray | null;
  if (node.tag === TAG.UTC_TIME) {
    m = s.match(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})$/);
    if (!m) throw new DerError(`bad UTCTime ${s}`);
    const yy = Number(m[1]);
    return utc(yy < 50 ? 2000 + yy : 1900 + yy, m[2], m[3], m[4], m[5], m[6] ?? '0', '', m[7]);
  }
  if (node.tag === TAG.GENERALIZED_TIME) {
    m = s.match(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(Z|[+-]\d{4})?$/);
    if (!m) throw new DerError(`bad GeneralizedTime ${s}`);
    return utc(Number(m[1]), m[2], m[3], m[4], m[5], m[6] ?? '0', m[7] ?? '', m[8] ?? 'Z');
  }
  throw new DerError('expected a time');
}

function utc(
  y: number,
  mo: string,
  d: string,
  h: string,
  mi: string,
  s: string,
  frac: string,
  zone: string,
): Date {
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(y, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    t -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60000;
  }
  return new Date(t);
}

/** a DirectoryString / IA5String / BMPString as JS text */
export function readText(node: DerNode): string {
  const v = node.value;
  switch (node.tag) {
    case 0x1e: {
      // BMPString is UTF-16BE
      const swapped = Buffer.from(v);
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case 0x1c: {
      let out = '';
      for (let i = 0; i + 3 < v.length; i += 4) out += String.fromCodePoint(v.readUInt32BE(i));
      return out;
    }
    case 0x14:
      return v.toString('latin1');
    default:
      return v.toString('utf8');
  }
}

/** BIT STRING contents without the unused-bits octet */
export function readBitString(node: DerNode): Buffer {
  node.expect(TAG.BIT_STRING);
  return node.value.subarray(1);
}
