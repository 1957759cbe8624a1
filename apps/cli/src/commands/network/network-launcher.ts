import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { childEnvironment } from '@vanthu/config';
import { DEMO_NETWORK_PKI_WORLD } from '@vanthu/demo';
import { usage } from '../../cli-io';
import { InstallationProcess, type InstallationEvent } from './installation-process';
import {
  installationSettings,
  layoutNetwork,
  writeInstallationFiles,
  type InstallationLayout,
} from './installation-layout';
import { assertPortsFree } from './free-ports';
import { runningLauncher, stopLeftovers } from './leftover-processes';
import { formatNetworkSummary } from './network-summary';
import {
  readNetworkManifest,
  writeNetworkManifest,
  type NetworkManifest,
  type NetworkManifestEntry,
} from './network-manifest';
import { issueInstallationIdentity, prepareNetworkPki, type InstallationIdentity } from './network-pki';
import { hostedAgencies, type NetworkPlan } from './network-plan';

export interface NetworkLauncherOptions {
  /** `data/network`: one folder per installation, the PKI, network.json. */
  readonly root: string;
  readonly plan: NetworkPlan;
  readonly httpPorts: readonly number[];
  readonly pgPorts: readonly number[];
  /** Extra settings for every installation (tests: short intervals). */
  readonly settings?: Readonly<Record<string, string>>;
  readonly print: (text: string) => void;
}

/**
 * `vanthu network demo`: prepares the network's PKI and each installation's files, starts every
 * installation as a supervised child process, keeps network.json current (pids change on restarts)
 * and stops everything on SIGINT/SIGTERM.
 */
export class NetworkLauncher {
  private readonly layouts: InstallationLayout[];
  private readonly processes = new Map<string, InstallationProcess>();
  private ready = false;
  private manifestWrites: Promise<void> = Promise.resolve();

  constructor(private readonly options: NetworkLauncherOptions) {
    this.layouts = layoutNetwork(options.root, options.plan, {
      http: options.httpPorts,
      pg: options.pgPorts,
    });
  }

  async start(): Promise<void> {
    const { root, plan, print } = this.options;
    await mkdir(root, { recursive: true, mode: 0o700 });
    const previous = readNetworkManifest(root);
    const other = runningLauncher(previous);
    if (other !== undefined)
      throw usage(`mạng demo trong ${root} đang được tiến trình ${other} chạy; dừng nó trước (Ctrl-C)`);
    const stopped = await stopLeftovers(previous, new Map(this.layouts.map((l) => [l.plan.name, l.main])));
    if (stopped.length > 0) print(`Đã dừng các tiến trình cũ còn chạy: ${stopped.join(', ')}\n`);
    await assertPortsFree(this.options.httpPorts);

    const password = await this.demoPassword();
    print(previous ? 'Dùng lại PKI và dữ liệu của lần chạy trước.\n' : 'Sinh PKI của mạng liên thông…\n');
    const pki = await prepareNetworkPki(join(root, 'pki'), DEMO_NETWORK_PKI_WORLD);
    const identities = new Map<string, InstallationIdentity>();
    for (const layout of this.layouts)
      identities.set(
        layout.plan.name,
        await issueInstallationIdentity(
          pki,
          layout.plan.name,
          layout.plan.identityAgencies,
          layout.exchangeDir,
        ),
      );
    for (const layout of this.layouts)
      await writeInstallationFiles(plan, layout, this.layouts, identities, pki);

    const first = !previous;
    print(
      `Khởi động ${this.layouts.length} hệ thống${first ? ' (lần đầu: khởi tạo PostgreSQL và dữ liệu demo, có thể mất vài phút)' : ''}…\n`,
    );
    for (const layout of this.layouts) {
      const settings = installationSettings(layout, identities.get(layout.plan.name)!, password, {
        LOG_LEVEL: 'info',
        ...this.options.settings,
      });
      const installation = new InstallationProcess({
        name: layout.plan.name,
        main: layout.main,
        env: childEnvironment(settings),
        logFile: layout.logFile,
        url: layout.url,
        supervise: true,
        detached: true,
        onEvent: (event) => this.onEvent(event),
      });
      this.processes.set(layout.plan.name, installation);
      installation.start();
    }
    await this.writeManifest();
    await Promise.all([...this.processes.values()].map((p) => p.waitReady(600_000)));
    this.ready = true;
    await this.writeManifest();
    print(formatNetworkSummary(this.layouts, this.processes, pki.manifest, password, root));
  }

  /** Stops every installation (each closes its PostgreSQL) and records that nothing runs. */
  async stop(): Promise<void> {
    await Promise.all([...this.processes.values()].map((p) => p.stop()));
    await this.writeManifest(null);
  }

  private onEvent(event: InstallationEvent): void {
    const { print } = this.options;
    if (event.kind === 'exited' && event.restartInMs !== undefined)
      print(
        `[${event.name}] tiến trình ${event.pid} dừng bất thường (${event.signal ?? `mã ${event.code}`}); khởi động lại sau ${event.restartInMs / 1000} s\n`,
      );
    else if (event.kind === 'started' && this.ready)
      print(`[${event.name}] đã khởi động lại (pid ${event.pid})\n`);
    else if (event.kind === 'gave-up') print(`[${event.name}] ${event.reason}\n`);
    if (event.kind === 'started' || event.kind === 'exited') void this.writeManifest();
  }

  /** Serialised: restarts and stops write in the order they happen. */
  private writeManifest(launcherPid: number | null = process.pid): Promise<void> {
    const manifest: NetworkManifest = {
      updatedAt: new Date().toISOString(),
      launcherPid,
      installations: this.layouts.map((layout): NetworkManifestEntry => ({
        name: layout.plan.name,
        role: layout.plan.role,
        title: layout.plan.title,
        url: layout.url,
        agencies: hostedAgencies(layout.plan.world),
        pid: this.processes.get(layout.plan.name)?.pid ?? null,
        dataDir: layout.dataDir,
        logFile: layout.logFile,
        peersFile: join(layout.exchangeDir, 'peers.json'),
      })),
    };
    this.manifestWrites = this.manifestWrites.then(() => writeNetworkManifest(this.options.root, manifest));
    return this.manifestWrites;
  }

  /** One password for every demo account of the network, kept (0600) so later runs print the same. */
  private async demoPassword(): Promise<string> {
    const file = join(this.options.root, 'demo-password');
    const existing = await readFile(file, 'utf8').catch(() => undefined);
    if (existing?.trim()) return existing.trim();
    const password = `Vanthu-${randomBytes(6).toString('base64url')}`;
    await writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}
