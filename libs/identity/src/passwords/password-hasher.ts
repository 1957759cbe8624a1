import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Injectable } from '@nestjs/common';

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// N=2^15, r=8 needs 32 MiB; Node's default cap is exactly that, so allow a little more.
const MAX_MEM = 64 * 1024 * 1024;

/**
 * scrypt (OWASP's minimum N=2^17 is for interactive logins on servers with more headroom; 2^15
 * keeps a login under ~100 ms on the 2-core reference machine). Stored as
 * `scrypt$N$r$p$salt$key` so the cost can be raised later without breaking old hashes.
 */
@Injectable()
export class PasswordHasher {
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, {
      N,
      r: R,
      p: P,
      maxmem: MAX_MEM,
    });
    return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await scryptAsync(
      password.normalize('NFC'),
      Buffer.from(salt, 'base64'),
      expected.length,
      {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: MAX_MEM,
      },
    );
    return timingSafeEqual(actual, expected);
  }
}
