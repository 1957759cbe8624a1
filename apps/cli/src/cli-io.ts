import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** A usage error or unreadable input: exit code 2. */
export function usage(message: string): Error {
  return Object.assign(new Error(message), { exitCode: 2 });
}

/** A negative result (a verdict, a refused operation): exit code 1. */
export function negative(message: string): Error {
  return Object.assign(new Error(message), { exitCode: 1 });
}

export async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw usage(`không đọc được ${what}: ${path}`);
  }
}

export interface PassphraseOptions {
  readonly passwordEnv?: string;
  readonly passwordFile?: string;
}

/** The passphrase from the named environment variable or the first line of a file; never printed. */
export async function passphrase(options: PassphraseOptions, env: NodeJS.ProcessEnv): Promise<string> {
  if ((options.passwordEnv === undefined) === (options.passwordFile === undefined)) {
    throw usage('cần đúng một trong hai tùy chọn --password-env hoặc --password-file');
  }
  if (options.passwordEnv !== undefined) {
    const value = env[options.passwordEnv];
    if (value === undefined) throw usage(`biến môi trường ${options.passwordEnv} chưa được đặt`);
    return value;
  }
  const text = (await readInput(options.passwordFile!, 'tệp mật khẩu')).toString('utf8');
  return text.replace(/\r?\n[\s\S]*$/, '');
}

function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes next to the target and renames, so a failed run never leaves a partial output file. */
export async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw usage(`không ghi được tệp ${path}: ${(error as Error).message}`);
  }
}

/**
 * Streams into a temporary file next to `path` and renames it into place only when `produce`
 * succeeded and the data reached the disk; on any error the temporary file is removed and the
 * error rethrown (so nothing half-written is ever left at `path`).
 */
export async function streamAtomically<T>(path: string, produce: (out: Writable) => Promise<T>): Promise<T> {
  const temporary = temporaryPath(path);
  const out = createWriteStream(temporary, { flags: 'wx', flush: true });
  try {
    const result = await produce(out);
    out.end();
    await finished(out);
    await rename(temporary, path);
    return result;
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
