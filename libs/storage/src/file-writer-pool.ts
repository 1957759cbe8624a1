import { Worker } from 'node:worker_threads';

/** One file published whole: written to `tempPath`, fsynced, renamed to `finalPath`, directory fsynced. */
export interface FileWriteJob {
  tempPath: string;
  finalPath: string;
  /** The file's whole content, in order. */
  parts: readonly Uint8Array[];
  /** Leave an existing `finalPath` alone and write nothing (content-addressed keys). */
  ifAbsent: boolean;
}

/** Errors of fsync on a directory from platforms that cannot do it: the sync is skipped there. */
export const DIRECTORY_SYNC_UNSUPPORTED: readonly string[] = ['EISDIR', 'EINVAL', 'EPERM', 'EBADF'];

interface Pending {
  resolve: (written: boolean) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; written: boolean } | { id: number; error: WriteFailure };

interface WriteFailure {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/**
 * The writer thread's program: plain CommonJS, passed as a string so it runs the same from the
 * TypeScript sources (tests) and from the build. Each job's file calls are made one after the
 * other with the synchronous API, which is what a thread of its own is for: the same write through
 * fs/promises is a dozen round trips between the event loop and libuv's pool.
 */
const WRITER_PROGRAM = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');

parentPort.on('message', (job) => {
  let reply;
  try {
    reply = { id: job.id, written: write(job) };
  } catch (error) {
    try { fs.rmSync(job.tempPath, { force: true }); } catch {}
    const { message, code, errno, syscall, path: failedPath } = error;
    reply = { id: job.id, error: { message: String(message), code, errno, syscall, path: failedPath } };
  }
  parentPort.postMessage(reply);
});

function write(job) {
  if (job.ifAbsent && exists(job.finalPath)) return false;
  const fd = fs.openSync(job.tempPath, 'wx', 0o640);
  try {
    let offset = 0;
    while (offset < job.content.length) {
      offset += fs.writeSync(fd, job.content, offset, job.content.length - offset);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const dir = path.dirname(job.finalPath);
  fs.mkdirSync(dir, { recursive: true });
  fs.renameSync(job.tempPath, job.finalPath);
  syncDirectory(dir);
  return true;
}

function exists(file) {
  try {
    fs.accessSync(file, fs.constants.F_OK);
    return true;
  } catch (error) {
    if (error.code === 'ENOENT') return false;
    throw error;
  }
}

// Makes the rename durable; platforms that cannot fsync a directory are skipped.
function syncDirectory(dir) {
  let fd;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    if (!${JSON.stringify(DIRECTORY_SYNC_UNSUPPORTED)}.includes(error.code)) throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
`;

class WriterThread {
  private readonly worker = new Worker(WRITER_PROGRAM, { eval: true });
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  alive = true;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('the file writer thread stopped')));
  }

  get load(): number {
    return this.pending.size;
  }

  write(job: FileWriteJob): Promise<boolean> {
    const id = this.nextId++;
    // The thread gets a copy of its own, transferred rather than cloned: the caller's buffer may be
    // a view of a larger one (cloning would copy all of it) and may still be in use. The copy is
    // backed by an ArrayBuffer of its own and not zero-filled first (every byte is set below).
    const content = Buffer.allocUnsafeSlow(job.parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of job.parts) {
      content.set(part, offset);
      offset += part.length;
    }
    return new Promise<boolean>((resolve, reject) => {
      // a thread with work keeps the process alive until the file is written
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(
        { id, tempPath: job.tempPath, finalPath: job.finalPath, ifAbsent: job.ifAbsent, content },
        [content.buffer],
      );
    });
  }

  async terminate(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('error' in reply) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiting.resolve(reply.written);
  }

  private fail(error: Error): void {
    this.alive = false;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Up to `maxThreads` writer threads, started as the load needs them: a job goes to an idle
 * thread, else a new one while there is room, else the least loaded. An error thrown by a write
 * (ENOSPC, EACCES...) comes back as the same Error with its `code`; a thread that dies fails its
 * jobs and is replaced on the next write.
 */
export class FileWriterPool {
  private threads: WriterThread[] = [];

  constructor(private readonly maxThreads: number) {}

  /** Resolves to false when `ifAbsent` found the file there already, true once it is written. */
  write(job: FileWriteJob): Promise<boolean> {
    this.threads = this.threads.filter((thread) => thread.alive);
    let thread = this.threads.find((candidate) => candidate.load === 0);
    if (!thread && this.threads.length < this.maxThreads) {
      thread = new WriterThread();
      this.threads.push(thread);
    }
    thread ??= this.threads.reduce((a, b) => (b.load < a.load ? b : a));
    return thread.write(job);
  }

  /** How many threads are running (for tests and diagnostics). */
  get size(): number {
    return this.threads.filter((thread) => thread.alive).length;
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
