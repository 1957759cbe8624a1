import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { EnvelopeCipher } from './envelope-cipher';
import { MasterKey } from './master-key';

function cipherWith(key = randomBytes(32)): EnvelopeCipher {
  return new EnvelopeCipher(MasterKey.fromBytes(Buffer.from(key), 'configuration'));
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('EnvelopeCipher (AES-256-GCM under the master key)', () => {
  const secret = Buffer.from('PKCS#8 DER of a private key, or a whole PKCS#12 file');
  const label = 'certificate/1b7c…/agency/9f3e…/organisation';

  it('opens what it sealed, and never writes the plaintext into the sealed value', () => {
    const cipher = cipherWith();
    const sealed = cipher.seal(secret, label);
    expect(cipher.open(sealed, label).equals(secret)).toBe(true);
    expect(sealed.includes(secret)).toBe(false);
    expect(sealed.length).toBe(1 + 4 + 12 + secret.length + 16);
    expect(sealed[0]).toBe(1);
  });

  it('uses a fresh nonce each time: sealing twice gives two different values', () => {
    const cipher = cipherWith();
    const a = cipher.seal(secret, label);
    const b = cipher.seal(secret, label);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(5, 17).equals(b.subarray(5, 17))).toBe(false);
  });

  it('refuses a value with any single bit flipped (header, nonce, ciphertext or tag)', () => {
    const cipher = cipherWith();
    const sealed = cipher.seal(secret, label);
    for (const index of [0, 2, 6, 20, sealed.length - 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] ^= 0x01;
      const failure = code(() => cipher.open(tampered, label));
      expect([index, failure]).toEqual([
        index,
        index >= 1 && index <= 4 ? 'MASTER_KEY_INVALID' : 'SEALED_KEY_INVALID',
      ]);
    }
  });

  it('refuses a value sealed under another master key', () => {
    const sealed = cipherWith().seal(secret, label);
    expect(code(() => cipherWith().open(sealed, label))).toBe('MASTER_KEY_INVALID');
  });

  it('refuses a value sealed under another key even when the key id is forged to match', () => {
    const mine = randomBytes(32);
    const theirs = cipherWith().seal(secret, label);
    const cipher = cipherWith(mine);
    const mineSealed = cipher.seal(Buffer.alloc(1), label);
    const forged = Buffer.concat([mineSealed.subarray(0, 5), theirs.subarray(5)]);
    expect(code(() => cipher.open(forged, label))).toBe('SEALED_KEY_INVALID');
  });

  it('binds the value to its row: another row’s associated data does not open it (no swapping)', () => {
    const cipher = cipherWith();
    const rowA = cipher.seal(secret, 'certificate/A/agency/X/organisation');
    expect(code(() => cipher.open(rowA, 'certificate/B/agency/X/organisation'))).toBe('SEALED_KEY_INVALID');
    expect(code(() => cipher.open(rowA, 'certificate/A/agency/Y/organisation'))).toBe('SEALED_KEY_INVALID');
    expect(code(() => cipher.open(rowA, ''))).toBe('SEALED_KEY_INVALID');
  });

  it('refuses truncated values', () => {
    const cipher = cipherWith();
    const sealed = cipher.seal(secret, label);
    expect(code(() => cipher.open(sealed.subarray(0, 20), label))).toBe('SEALED_KEY_INVALID');
    expect(code(() => cipher.open(sealed.subarray(0, sealed.length - 1), label))).toBe('SEALED_KEY_INVALID');
  });

  it('a master key prints nothing of itself', () => {
    const bytes = randomBytes(32);
    const hex = bytes.toString('hex');
    const key = MasterKey.fromBytes(Buffer.from(bytes), 'configuration');
    expect(JSON.stringify({ key })).not.toContain(hex);
    expect(JSON.stringify({ key })).not.toContain(bytes.toString('base64'));
    expect(inspect(key, { depth: 5 })).not.toContain(hex);
  });
});
