import { access, chmod, cp, mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { InstallationIdentity, NetworkPki } from './network-pki';
import { peersOf, type InstallationPlan, type NetworkPlan } from './network-plan';

/** The built programs, from this file's place in dist/apps/cli/src/commands/network. */
const APPS_DIST = join(__dirname, '../../../..');

/** Where one installation of a network lives and listens. */
export interface InstallationLayout {
  readonly plan: InstallationPlan;
  /** VANTHU_DATA_DIR: its embedded PostgreSQL, objects, master key, demo PKI. */
  readonly dataDir: string;
  /** Its exchange configuration: peers file, pinned certificates, identity. */
  readonly exchangeDir: string;
  /** stdout and stderr of its processes. */
  readonly logFile: string;
  readonly port: number;
  readonly pgPort: number;
  readonly url: string;
  /** The program it runs: the node server or the hub. */
  readonly main: string;
}

/**
 * Folders `<root>/<name>` and the ports given, in the plan's order; `appsDist` is where the built
 * apps are (dist/apps: tests load this file from the sources).
 */
export function layoutNetwork(
  root: string,
  plan: NetworkPlan,
  ports: { readonly http: readonly number[]; readonly pg: readonly number[] },
  appsDist = APPS_DIST,
): InstallationLayout[] {
  return plan.installations.map((installation, i) => {
    const dataDir = join(root, installation.name);
    return {
      plan: installation,
      dataDir,
      exchangeDir: join(dataDir, 'exchange'),
      logFile: join(dataDir, 'output.log'),
      port: ports.http[i],
      pgPort: ports.pg[i],
      url: `http://127.0.0.1:${ports.http[i]}`,
      main: join(appsDist, installation.role === 'hub' ? 'hub' : 'server', 'src/main.js'),
    };
  });
}

/**
 * Writes what one installation reads at start: its copy of the network PKI (first run only: the
 * seed then trusts the network root and loads its CRLs), its peers' pinned certificates and the
 * peers file with its routes (every run: the file is read at every start). `peerUrl` is where it
 * reaches a peer (tests put a recording proxy in between).
 */
export async function writeInstallationFiles(
  plan: NetworkPlan,
  layout: InstallationLayout,
  network: readonly InstallationLayout[],
  identities: ReadonlyMap<string, InstallationIdentity>,
  pki: NetworkPki,
  peerUrl: (peer: InstallationLayout) => string = (peer) => peer.url,
): Promise<string> {
  await mkdir(layout.dataDir, { recursive: true, mode: 0o700 });
  const demoPki = join(layout.dataDir, 'demo-pki');
  if (!(await exists(join(demoPki, 'manifest.json')))) {
    await cp(pki.dir, demoPki, { recursive: true });
    await chmod(demoPki, 0o700);
  }
  const certs = join(layout.exchangeDir, 'certs');
  await mkdir(certs, { recursive: true, mode: 0o700 });
  await cp(pki.rootPemFile, join(certs, 'network-root.pem'));
  const peers = [];
  for (const peer of peersOf(plan, layout.plan.name)) {
    const other = network.find((l) => l.plan.name === peer.name)!;
    const file = join(certs, `${peer.name}.pem`);
    await writeFile(file, identities.get(peer.name)!.certificatePem);
    peers.push({
      name: peer.name,
      role: peer.role,
      url: peer.push ? peerUrl(other) : null,
      ...(peer.poll ? { poll: true } : {}),
      certificateFile: relative(layout.exchangeDir, file),
    });
  }
  const peersFile = join(layout.exchangeDir, 'peers.json');
  const content = { peers, routes: layout.plan.routes, trustAnchorFiles: ['certs/network-root.pem'] };
  await writeFile(peersFile, `${JSON.stringify(content, null, 2)}\n`);
  return peersFile;
}

/**
 * The installation's environment (docs/exchange.md): everything it needs is given here, nothing is
 * inherited from the launcher's VANTHU_* (libs/config childEnvironment drops those).
 */
export function installationSettings(
  layout: InstallationLayout,
  identity: InstallationIdentity,
  demoPassword: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    PORT: String(layout.port),
    VANTHU_HOST: '127.0.0.1',
    VANTHU_DATA_DIR: layout.dataDir,
    VANTHU_EMBEDDED_PG_PORT: String(layout.pgPort),
    VANTHU_DEMO_WORLD: layout.plan.world,
    VANTHU_DEMO_PASSWORD: demoPassword,
    VANTHU_EXCHANGE_NAME: layout.plan.name,
    VANTHU_EXCHANGE_PEERS_FILE: join(layout.exchangeDir, 'peers.json'),
    VANTHU_EXCHANGE_IDENTITY_P12: identity.p12File,
    VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE: identity.passwordFile,
    ...extra,
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
