import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { StorageOptions } from '../storage-options';

/**
 * Starts a separate process that puts an endless stream under `key` and kills it with SIGKILL once
 * `killAfterBytes` have gone into the put: a crash in the middle of a write, with no chance to clean
 * up. Resolves with the number of bytes the child had produced.
 */
export function putUntilKilled(
  options: StorageOptions,
  key: string,
  killAfterBytes: number,
): Promise<number> {
  const child = fork(join(__dirname, 'put-until-killed.child.cjs'), [JSON.stringify(options), key], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise<number>((resolve, reject) => {
    let sent = 0;
    let killed = false;
    child.on('message', (message: { sent?: number; finished?: boolean }) => {
      if (message.finished) reject(new Error('the endless put finished'));
      if (typeof message.sent === 'number') sent = message.sent;
      if (!killed && sent >= killAfterBytes) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      killed && signal === 'SIGKILL' ? resolve(sent) : reject(new Error(`writer exited early: ${stderr}`)),
    );
  });
}
