import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadPkcs12 } from '@vanthu/signing';
import { InstallationProcess } from '../../../apps/cli/src/commands/network/installation-process';
import type { InstallationLayout } from '../../../apps/cli/src/commands/network/installation-layout';
import type { InstallationIdentity } from '../../../apps/cli/src/commands/network/network-pki';
import { ApiSessions } from '../api-sessions';
import type { PeerCredentials } from './peer-client';

/**
 * One installation of a test cluster: its server processes (the first is the one its peers know;
 * more run over the same data folder and database), API sessions with the demo password, SQL on its
 * embedded PostgreSQL, and its exchange identity to speak for it on the wire.
 */
export class ClusterInstallation {
  readonly api: ApiSessions;
  private readonly running: InstallationProcess[];

  constructor(
    readonly layout: InstallationLayout,
    processes: readonly InstallationProcess[],
    readonly identity: InstallationIdentity,
    readonly demoPassword: string,
  ) {
    this.running = [...processes];
    this.api = new ApiSessions(layout.url, demoPassword);
  }

  get processes(): readonly InstallationProcess[] {
    return this.running;
  }

  get name(): string {
    return this.layout.plan.name;
  }

  get url(): string {
    return this.layout.url;
  }

  /** The URL of its i-th process (0: the one in its peers' files). */
  urlOf(index: number): string {
    return this.processes[index].options.url;
  }

  pid(index = 0): number | undefined {
    return this.processes[index].pid;
  }

  /** SIGKILL, as a power cut would: nothing is closed, its PostgreSQL is left running. */
  async kill9(index = 0): Promise<void> {
    const child = this.processes[index];
    const exited = child.exited();
    child.kill('SIGKILL');
    await exited;
  }

  /** A clean stop (SIGTERM): the last process of the installation stops its PostgreSQL. */
  async stop(index = 0): Promise<void> {
    await this.processes[index].stop();
  }

  async start(index = 0): Promise<void> {
    const child = this.processes[index];
    child.start();
    try {
      await child.waitReady();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.log().slice(-3000)}`);
    }
  }

  /** Stops the i-th process and starts it again with `settings` over the ones it had. */
  async restartWith(index: number, settings: Readonly<Record<string, string>>): Promise<void> {
    const old = this.running[index];
    await old.stop();
    this.running[index] = new InstallationProcess({
      ...old.options,
      env: { ...old.options.env, ...settings },
    });
    await this.start(index);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
  }

  /** Output of its processes so far (they share one log file). */
  log(): string {
    try {
      return readFileSync(this.layout.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  /** Its exchange identity, to sign requests as this installation. */
  credentials(): PeerCredentials {
    const password = readFileSync(this.identity.passwordFile, 'utf8');
    const identity = loadPkcs12(readFileSync(this.identity.p12File), password);
    return { name: this.name, privateKey: identity.privateKey, certificate: identity.certificate };
  }

  /**
   * The bytes of an object in its filesystem storage (`<data>/objects`, file = bytes + JSON trailer
   * + its length (uint32 BE) + "VTOBJ01\n"), read as an operator would, past the server.
   */
  storedObject(key: string): Buffer {
    const hash = createHash('sha256').update(key, 'utf8').digest('hex');
    const file = readFileSync(join(this.layout.dataDir, 'objects', hash.slice(0, 2), `${hash}.obj`));
    const jsonLength = file.readUInt32BE(file.length - 12);
    const trailer = JSON.parse(
      file.subarray(file.length - 12 - jsonLength, file.length - 12).toString('utf8'),
    );
    return file.subarray(0, trailer.size as number);
  }

  /** Runs one query on its database (the processes keep running). */
  async sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
    const password = readFileSync(join(this.layout.dataDir, 'pg', 'superuser-password'), 'utf8').trim();
    const client = new Client({
      host: '127.0.0.1',
      port: this.layout.pgPort,
      user: 'postgres',
      password,
      database: 'vanthu',
    });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  }
}
