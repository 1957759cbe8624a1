import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Exit code of a start refused for its configuration (EX_CONFIG): restarting cannot help. */
const EXIT_CONFIG = 78;
const FIRST_RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A process that ran this long before dying starts over from the first delay. */
const STABLE_AFTER_MS = 60_000;

export type InstallationEvent =
  | { readonly kind: 'started'; readonly name: string; readonly pid: number }
  | {
      readonly kind: 'exited';
      readonly name: string;
      readonly pid: number;
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      /** Set when the supervisor starts it again after this delay. */
      readonly restartInMs?: number;
    }
  | { readonly kind: 'gave-up'; readonly name: string; readonly reason: string };

export interface InstallationProcessOptions {
  readonly name: string;
  /** The built program (dist/apps/server/src/main.js or dist/apps/hub/src/main.js). */
  readonly main: string;
  /** Its whole environment. */
  readonly env: Readonly<Record<string, string>>;
  /** stdout and stderr are appended here (the child writes it directly: it outlives us if need be). */
  readonly logFile: string;
  readonly url: string;
  /** Start it again when it dies, like a service manager. */
  readonly supervise: boolean;
  /** Own process group: a Ctrl-C in the launcher's terminal reaches the launcher only, which then stops each child once. */
  readonly detached?: boolean;
  readonly onEvent?: (event: InstallationEvent) => void;
}

/**
 * One process of an installation, started from the built program, optionally supervised: restarted
 * after an unexpected exit with a growing delay (1 s … 30 s), never after a configuration error.
 */
export class InstallationProcess {
  private child: ChildProcess | undefined;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private delayMs = FIRST_RESTART_DELAY_MS;
  private startedAt = 0;
  private gaveUp: string | undefined;
  private exitWaiters: (() => void)[] = [];

  constructor(readonly options: InstallationProcessOptions) {}

  get name(): string {
    return this.options.name;
  }

  /** The pid of the running process, if one runs. */
  get pid(): number | undefined {
    return this.child && this.child.exitCode === null && this.child.signalCode === null
      ? this.child.pid
      : undefined;
  }

  start(): void {
    if (this.pid !== undefined) return;
    this.stopping = false;
    this.gaveUp = undefined;
    mkdirSync(dirname(this.options.logFile), { recursive: true });
    const log = openSync(this.options.logFile, 'a', 0o600);
    try {
      this.child = spawn(process.execPath, [this.options.main], {
        env: this.options.env,
        stdio: ['ignore', log, log],
        detached: this.options.detached ?? false,
      });
    } finally {
      closeSync(log);
    }
    this.startedAt = Date.now();
    const child = this.child;
    const pid = child.pid ?? -1;
    this.options.onEvent?.({ kind: 'started', name: this.name, pid });
    child.on('exit', (code, signal) => this.onExit(child, pid, code, signal));
  }

  /** Resolves when GET /ready answers 200; rejects when the supervisor gave up or time ran out. */
  async waitReady(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.gaveUp) throw new Error(`${this.name}: ${this.gaveUp}`);
      if (!this.options.supervise && this.child && this.pid === undefined)
        throw new Error(`${this.name} exited before it was ready (see ${this.options.logFile})`);
      const ready = await fetch(`${this.options.url}/ready`, { signal: AbortSignal.timeout(5000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${this.name} not ready after ${timeoutMs / 1000} s (see ${this.options.logFile})`);
  }

  /** Sends a signal as an outsider would (a supervised process is then restarted). */
  kill(signal: NodeJS.Signals): void {
    const pid = this.pid;
    if (pid !== undefined) process.kill(pid, signal);
  }

  /** Resolves at the next exit of the current process (at once when none runs). */
  exited(): Promise<void> {
    if (this.pid === undefined) return Promise.resolve();
    return new Promise((resolve) => this.exitWaiters.push(resolve));
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; no restart follows. */
  async stop(timeoutMs = 60_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const pid = this.pid;
    if (pid === undefined) return;
    const exited = this.exited();
    process.kill(pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs)));
    if (await Promise.race([exited.then(() => false), late])) {
      this.kill('SIGKILL');
      await exited;
    }
    clearTimeout(timer);
  }

  private onExit(child: ChildProcess, pid: number, code: number | null, signal: NodeJS.Signals | null): void {
    for (const resolve of this.exitWaiters.splice(0)) resolve();
    if (child !== this.child) return;
    const base = { kind: 'exited', name: this.name, pid, code, signal } as const;
    if (this.stopping || !this.options.supervise) {
      this.options.onEvent?.(base);
      return;
    }
    if (code === EXIT_CONFIG) {
      this.options.onEvent?.(base);
      this.gaveUp = `cấu hình không hợp lệ (mã thoát ${EXIT_CONFIG}), không khởi động lại`;
      this.options.onEvent?.({ kind: 'gave-up', name: this.name, reason: this.gaveUp });
      return;
    }
    if (Date.now() - this.startedAt >= STABLE_AFTER_MS) this.delayMs = FIRST_RESTART_DELAY_MS;
    const restartInMs = this.delayMs;
    this.delayMs = Math.min(MAX_RESTART_DELAY_MS, this.delayMs * 2);
    this.options.onEvent?.({ ...base, restartInMs });
    this.restartTimer = setTimeout(() => {
      if (!this.stopping) this.start();
    }, restartInMs);
  }
}
