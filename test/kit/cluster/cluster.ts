import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { childEnvironment } from '@vanthu/config';
import { DEMO_NETWORK_PKI_WORLD } from '@vanthu/demo';
import { InstallationProcess } from '../../../apps/cli/src/commands/network/installation-process';
import {
  installationSettings,
  layoutNetwork,
  writeInstallationFiles,
} from '../../../apps/cli/src/commands/network/installation-layout';
import {
  issueInstallationIdentity,
  prepareNetworkPki,
  type InstallationIdentity,
  type NetworkPki,
} from '../../../apps/cli/src/commands/network/network-pki';
import { fourLevelPlan, type NetworkPlan } from '../../../apps/cli/src/commands/network/network-plan';
import { freePort } from '../free-port';
import { removeDataFolder } from '../server-process';
import { ClusterInstallation } from './cluster-installation';
import { TrafficProxy } from './traffic-proxy';

/** The built apps: from test/kit/cluster under Jest, from dist/test/kit/cluster in a bench. */
const APPS_DIST = join(repositoryRoot(__dirname), 'dist/apps');
export const CLUSTER_DEMO_PASSWORD = 'Cum-thu-nghiem-2026';

/** Fast timings for tests; a test sets its own on top (options.settings). */
const TEST_SETTINGS: Readonly<Record<string, string>> = {
  LOG_LEVEL: 'warn',
  VANTHU_EXCHANGE_POLL_INTERVAL: '250ms',
  VANTHU_EXCHANGE_BACKOFF_BASE: '200ms',
  VANTHU_EXCHANGE_BACKOFF_CAP: '2s',
  VANTHU_EXCHANGE_BREAKER_INTERVAL: '2s',
  VANTHU_EXCHANGE_TIMEOUT: '20s',
};

export interface ClusterOptions {
  /** Default: the four levels of the demo (two hubs, two nodes), the district node polling. */
  readonly plan?: NetworkPlan;
  /** Settings of every installation, over the kit's fast timings. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Settings of one installation, over the others. */
  readonly settingsOf?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Several server processes of one installation over its one database: the settings of each (the
   * first is the one its peers know), e.g. an API-only process and a worker process.
   */
  readonly processes?: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;
  /**
   * Installations that are written (identity, peers files naming them) but not started: a test or a
   * benchmark speaks for them on the wire with their identity.
   */
  readonly idle?: readonly string[];
  /** A recording proxy where `from` reaches `to` (cluster.proxy(from, to)). */
  readonly proxies?: readonly { readonly from: string; readonly to: string }[];
}

/**
 * A network of real installations for tests: each a child process (or several) with its own
 * embedded PostgreSQL and data folder, the network PKI, pinned identities and peers files written
 * by the same code as `vanthu network demo`. The PKI and the identities are made once per Jest run.
 */
export class Cluster {
  private constructor(
    readonly root: string,
    readonly pki: NetworkPki,
    private readonly installations: ReadonlyMap<string, ClusterInstallation>,
    private readonly proxies: ReadonlyMap<string, TrafficProxy>,
  ) {}

  static async start(options: ClusterOptions = {}): Promise<Cluster> {
    const plan = options.plan ?? fourLevelPlan();
    const root = mkdtempSync(join(tmpdir(), 'vanthu-cluster-'));
    const cache = process.env.VANTHU_TEST_PG_DIR ? join(process.env.VANTHU_TEST_PG_DIR, 'cluster') : root;
    const count = plan.installations.length;
    const http = await ports(count);
    const pg = await ports(count);
    const layouts = layoutNetwork(root, plan, { http, pg }, APPS_DIST);
    const pki = await prepareNetworkPki(join(cache, 'pki'), DEMO_NETWORK_PKI_WORLD);
    const identities = new Map<string, InstallationIdentity>();
    for (const { plan: installation } of layouts)
      identities.set(
        installation.name,
        await issueInstallationIdentity(
          pki,
          installation.name,
          installation.identityAgencies,
          join(cache, 'identities', installation.name),
        ),
      );
    const proxies = new Map<string, TrafficProxy>();
    for (const { from, to } of options.proxies ?? [])
      proxies.set(`${from}>${to}`, await TrafficProxy.start(layouts.find((l) => l.plan.name === to)!.url));
    const installations = new Map<string, ClusterInstallation>();
    for (const layout of layouts) {
      await writeInstallationFiles(
        plan,
        layout,
        layouts,
        identities,
        pki,
        (peer) => proxies.get(`${layout.plan.name}>${peer.plan.name}`)?.url ?? peer.url,
      );
      const identity = identities.get(layout.plan.name)!;
      const settings = installationSettings(layout, identity, CLUSTER_DEMO_PASSWORD, {
        ...TEST_SETTINGS,
        ...options.settings,
        ...options.settingsOf?.[layout.plan.name],
      });
      const processes: InstallationProcess[] = [];
      for (const [i, own] of (options.processes?.[layout.plan.name] ?? [{}]).entries()) {
        const port = i === 0 ? layout.port : await freePort();
        processes.push(
          new InstallationProcess({
            name: i === 0 ? layout.plan.name : `${layout.plan.name}#${i}`,
            main: layout.main,
            env: childEnvironment({ ...settings, ...own, PORT: String(port) }),
            logFile: layout.logFile,
            url: `http://127.0.0.1:${port}`,
            supervise: false,
          }),
        );
      }
      installations.set(
        layout.plan.name,
        new ClusterInstallation(layout, processes, identity, CLUSTER_DEMO_PASSWORD),
      );
    }
    const cluster = new Cluster(root, pki, installations, proxies);
    try {
      // the first process of each installation creates its database; the others join it after
      const started = [...installations.values()].filter((i) => !options.idle?.includes(i.name));
      await Promise.all(started.map((i) => i.start(0)));
      await Promise.all(started.flatMap((i) => i.processes.slice(1).map((_, n) => i.start(n + 1))));
    } catch (error) {
      const logs = [...installations.values()].map((i) => `--- ${i.name}\n${i.log().slice(-4000)}`);
      await cluster.stop();
      throw new Error(`${(error as Error).message}\n${logs.join('\n')}`);
    }
    return cluster;
  }

  get(name: string): ClusterInstallation {
    const installation = this.installations.get(name);
    if (!installation) throw new Error(`no installation ${name} in this cluster`);
    return installation;
  }

  /** The recording proxy where `from` reaches `to` (ClusterOptions.proxies). */
  proxy(from: string, to: string): TrafficProxy {
    const proxy = this.proxies.get(`${from}>${to}`);
    if (!proxy) throw new Error(`no proxy from ${from} to ${to} in this cluster`);
    return proxy;
  }

  all(): ClusterInstallation[] {
    return [...this.installations.values()];
  }

  /** The P12 passphrase of a demo leader's personal certificate (from the network PKI). */
  signingPassphrase(username: string): string {
    const file = this.pki.manifest.files.find((f) => f.kind === 'personal-pkcs12' && f.owner === username);
    if (!file?.passphrase) throw new Error(`no personal certificate for ${username} in the network PKI`);
    return file.passphrase;
  }

  /** Stops every process and removes every data folder (with relocated PostgreSQL clusters). */
  async stop(): Promise<void> {
    await Promise.all(this.all().map((i) => i.stopAll()));
    await Promise.all([...this.proxies.values()].map((p) => p.close()));
    for (const installation of this.all()) removeDataFolder(installation.layout.dataDir);
    rmSync(this.root, { recursive: true, force: true });
  }
}

async function ports(count: number): Promise<number[]> {
  const taken = new Set<number>();
  while (taken.size < count) taken.add(await freePort());
  return [...taken];
}

/** The nearest folder above `from` holding package.json (the repository, compiled or not). */
function repositoryRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir))
    if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error(`no package.json above ${from}`);
}
