import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_PKI_WORLD, type DemoPkiWorld } from '@vanthu/demo';
import { DEMO_AGENCIES, DEMO_CENTRAL_CODE } from '@vanthu/directory';
import { derToPem, generateDemoPki, loadPkcs12, type DemoPkiManifest } from '@vanthu/signing';

const run = promisify(execFile);
/** The built CLI: this file is dist/apps/cli/src/commands/network/network-pki.js. */
const CLI_MAIN = join(__dirname, '../../main.js');

export interface NetworkPki {
  readonly dir: string;
  readonly manifest: DemoPkiManifest;
  /** The root every installation trusts (PEM), like the government's root CA. */
  readonly rootPemFile: string;
}

/** The exchange identity of one installation, issued from the network PKI. */
export interface InstallationIdentity {
  readonly p12File: string;
  readonly passwordFile: string;
  /** PEM of its certificate: what its peers pin. */
  readonly certificatePem: string;
}

/**
 * Everyone the network's installations seed: the district world and the Government Office with
 * their leaders. One PKI covering all of them is copied into each installation's demo-pki folder,
 * so every document signature and every exchange identity chains to one root, as in the real
 * network (one government CA), and each installation's seed reuses it instead of making its own.
 */
export function networkPkiWorld(): DemoPkiWorld {
  const central = DEMO_AGENCIES.find((a) => a.code === DEMO_CENTRAL_CODE)!;
  const organisations = [...DEMO_PKI_WORLD.organisations];
  if (!organisations.some((o) => o.code === central.code))
    organisations.push({ code: central.code, name: central.name });
  return { organisations, people: DEMO_PKI_WORLD.people };
}

/** Generates the network PKI into `dir` once; later runs reuse it when it still covers the world. */
export async function prepareNetworkPki(dir: string, world: DemoPkiWorld): Promise<NetworkPki> {
  let manifest = await readManifest(dir);
  if (!manifest || !covers(manifest, world)) {
    const staging = `${dir}.tmp-${randomBytes(4).toString('hex')}`;
    try {
      manifest = await generateDemoPki({
        outDir: staging,
        organisations: world.organisations,
        people: world.people,
        // the CRLs are read where the PKI ends up, by every installation on this machine
        publicationBaseUrl: `file://${join(dir, 'ca')}/`,
      });
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
      await chmod(dir, 0o700);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
  const root = manifest.files.find((f) => f.kind === 'root-ca-certificate' && f.format === 'pem');
  if (!root) throw new Error(`${dir}/manifest.json names no root CA certificate`);
  return { dir, manifest, rootPemFile: join(dir, root.path) };
}

/**
 * The installation's exchange identity (`vanthu exchange identity issue-demo`), issued once into
 * `outDir` and reused by later runs, so the certificates its peers pin stay the same. `cliMain` is
 * the built CLI (tests load this file from the sources).
 */
export async function issueInstallationIdentity(
  pki: NetworkPki,
  name: string,
  agencies: readonly string[],
  outDir: string,
  cliMain = CLI_MAIN,
): Promise<InstallationIdentity> {
  const p12File = join(outDir, 'identity.p12');
  const passwordFile = join(outDir, 'identity.password');
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  let password = await readFile(passwordFile, 'utf8').catch(() => undefined);
  let p12 = password === undefined ? undefined : await readFile(p12File).catch(() => undefined);
  if (!p12 || password === undefined) {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password, { mode: 0o600 });
    await rm(p12File, { force: true });
    const args = ['exchange', 'identity', 'issue-demo', '--pki', pki.dir, '--name', name];
    for (const code of agencies) args.push('--agency', code);
    await run(process.execPath, [cliMain, ...args, '--out', p12File, '--password-file', passwordFile]);
    p12 = await readFile(p12File);
  }
  const identity = loadPkcs12(p12, password);
  return { p12File, passwordFile, certificatePem: derToPem(identity.certificate, 'CERTIFICATE') };
}

async function readManifest(dir: string): Promise<DemoPkiManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as DemoPkiManifest;
    return manifest.version === 1 ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function covers(manifest: DemoPkiManifest, world: DemoPkiWorld): boolean {
  const owners = new Set(
    manifest.files
      .filter((f) => f.kind === 'organisation-pkcs12' || f.kind === 'personal-pkcs12')
      .map((f) => f.owner),
  );
  return [...world.organisations.map((o) => o.code), ...world.people.map((p) => p.username)].every((o) =>
    owners.has(o),
  );
}
