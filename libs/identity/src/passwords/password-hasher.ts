import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings';

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

const DEFAULT_CONCURRENCY = 2;

/**
 * scrypt (OWASP's minimum N=2^17 is for interactive logins on servers with more headroom; 2^15
 * costs 32 MiB and ~120 ms of one core on the 2-core reference machine). Stored as
 * `scrypt$N$r$p$salt$key` so the cost can be raised later without breaking old hashes.
 *
 * Node runs scrypt on the libuv pool (4 threads by default), which file reads and writes share.
 * At most `passwordHashConcurrency` hashes run at once (default 2, the cores of the reference
 * machine); the rest wait here, holding no thread: a burst of logins then costs the same time
 * in total but leaves pool threads to the document store (`npm run bench:login`).
 */
@Injectable()
export class PasswordHasher {
  private readonly limit: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Optional() @Inject(IDENTITY_SETTINGS) settings?: IdentitySettings) {
    this.limit = settings?.passwordHashConcurrency ?? DEFAULT_CONCURRENCY;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.limited(() =>
      scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM }),
    );
    return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await this.limited(() =>
      scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: MAX_MEM,
      }),
    );
    return timingSafeEqual(actual, expected);
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      // hand the slot straight to the next waiter, so the count never drops below what runs
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
