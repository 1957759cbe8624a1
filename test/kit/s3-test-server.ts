import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real S3 protocol server (s3rver) on loopback, for tests of the S3 storage adapter. */
export interface S3TestServer {
  endPoint: string;
  port: number;
  useSSL: false;
  accessKey: string;
  secretKey: string;
  /** Where s3rver keeps its buckets; removed by `stop()`. */
  directory: string;
  stop(): Promise<void>;
}

// s3rver's built-in account; it rejects other access keys.
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Starts s3rver on 127.0.0.1 on a free port with a fresh temporary directory. It runs in a child
 * process so that its memory does not count as the test process's own.
 */
export async function startS3TestServer(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'vanthu-s3rver-'));
  const child = fork(join(__dirname, 's3-test-server.child.cjs'), [directory], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));

  let port: number;
  try {
    port = await waitForPort(child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(directory, { recursive: true, force: true });
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    endPoint: '127.0.0.1',
    port,
    useSSL: false,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    directory,
    stop: () =>
      (stopped ??= (async () => {
        await stopChild(child);
        await rm(directory, { recursive: true, force: true });
      })()),
  };
}

function waitForPort(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('s3rver did not start in time')), START_TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      const port = (message as { port?: unknown } | null)?.port;
      if (typeof port === 'number') {
        cleanup();
        resolve(port);
      }
    };
    const onExit = (code: number | null) => fail(new Error(`s3rver exited (code ${code}): ${stderr()}`));
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit).off('error', fail);
    };
    child.on('message', onMessage).on('exit', onExit).on('error', fail);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send('stop');
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
