import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { StorageOptions } from '@vanthu/storage';

export interface StoreThenDieInput {
  url: string;
  storage: StorageOptions;
  agencyId: string;
  entryId: string;
  bytes: Buffer;
}

/**
 * Runs a separate process that stores `bytes` as a version of the entry inside a transaction and is
 * killed with SIGKILL once the object is written, before its transaction commits: what a server
 * killed in the middle of a request leaves behind. Resolves once the process is gone.
 */
export function storeThenDie(input: StoreThenDieInput): Promise<void> {
  const child = fork(
    join(__dirname, 'store-then-die.child.cjs'),
    [JSON.stringify({ ...input, bytes: input.bytes.toString('base64') })],
    { execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
  );
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise<void>((resolve, reject) => {
    let killed = false;
    child.on('message', (message: { stored?: boolean }) => {
      if (message.stored && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      killed && signal === 'SIGKILL' ? resolve() : reject(new Error(`the child exited early: ${stderr}`)),
    );
  });
}
