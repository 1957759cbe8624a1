import { createHash } from 'node:crypto';

/**
 * The PKCS#12 key derivation (RFC 7292 Appendix B), used for the MAC key. Node has PBKDF2 but not
 * this one. `id` 1 = key, 2 = IV, 3 = MAC key. The password is taken as BMPString with a trailing NUL;
 * `null` stands for the zero-length password some tools use for "no password".
 */
export function pkcs12Kdf(
  password: string | null,
  salt: Buffer,
  id: 1 | 2 | 3,
  iterations: number,
  length: number,
  hash: 'sha1' | 'sha256' | 'sha384' | 'sha512' = 'sha256',
): Buffer {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const pass =
    password === null
      ? Buffer.alloc(0)
      : Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);
  const repeatTo = (input: Buffer): Buffer => {
    if (input.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(input.length / v));
    for (let i = 0; i < out.length; i++) out[i] = input[i % input.length];
    return out;
  };
  const diversifier = Buffer.alloc(v, id);
  const I = Buffer.concat([repeatTo(salt), repeatTo(pass)]);
  const result = Buffer.alloc(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let a = createHash(hash).update(diversifier).update(I).digest();
    for (let r = 1; r < iterations; r++) a = createHash(hash).update(a).digest();
    a.copy(result, block * u);
    const b = repeatTo(a).subarray(0, v);
    // I_j = (I_j + B + 1) mod 2^(8v), for every v-byte block of I
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k] + b[k] + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return result.subarray(0, length);
}
