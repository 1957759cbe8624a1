import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoPkiWorld } from '@vanthu/demo';
import { demoIssuer, issueExchangeIdentity } from '@vanthu/exchange';
import { derToPem, generateDemoPki, loadPkcs12, writePkcs12, type DemoPkiManifest } from '@vanthu/signing';

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
 * Generates the network PKI into `dir` once (later runs reuse it while it covers `world`, normally
 * DEMO_NETWORK_PKI_WORLD: every organisation and leader of every demo world). It is copied into
 * each installation's demo-pki folder, so every document signature and every exchange identity
 * chains to one root, as in the real network (one government CA), and each installation's seed
 * reuses it instead of making its own.
 */
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
 * The installation's exchange identity, issued by the network PKI's issuing CA (the same
 * `issueExchangeIdentity` a demo installation uses at first start) into a P12 in `outDir`, once:
 * later runs reuse it, so the certificates its peers pin stay the same.
 */
export async function issueInstallationIdentity(
  pki: NetworkPki,
  name: string,
  agencies: readonly string[],
  outDir: string,
): Promise<InstallationIdentity> {
  const p12File = join(outDir, 'identity.p12');
  const passwordFile = join(outDir, 'identity.password');
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  let password = await readFile(passwordFile, 'utf8').catch(() => undefined);
  let p12: Buffer | undefined =
    password === undefined ? undefined : await readFile(p12File).catch(() => undefined);
  if (!p12 || password === undefined) {
    const issuer = await demoIssuer(pki.dir);
    if (!issuer) throw new Error(`${pki.dir} has no issuing CA key (issuing-ca-pkcs12)`);
    const identity = issueExchangeIdentity({ issuer: issuer.identity, name, agencyCodes: agencies });
    password = randomBytes(18).toString('base64url');
    p12 = writePkcs12({ ...identity, passphrase: password, friendlyName: name });
    await writeFile(passwordFile, password, { mode: 0o600 });
    await writeFile(p12File, p12, { mode: 0o600 });
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
