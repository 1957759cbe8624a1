import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_NETWORK_PKI_WORLD } from '@vanthu/demo';
import { demoIssuer, issueExchangeIdentity } from '@vanthu/exchange';
import { derToPem, type DemoPkiManifest, generateDemoPki, writePkcs12 } from '@vanthu/signing';

/** One installation of a test network, before it starts. */
export interface NetworkMember {
  readonly name: string;
  readonly dataDir: string;
  readonly p12: string;
  readonly passwordFile: string;
  readonly certificatePem: string;
  /** DER of the exchange certificate */
  readonly certificate: Buffer;
}

export interface PeerEntry {
  readonly name: string;
  readonly role: 'hub' | 'node';
  readonly url: string | null;
  readonly poll?: boolean;
  readonly certificate: string;
}

/** The password every demo user of a test network gets. */
export const NETWORK_DEMO_PASSWORD = 'Matkhau-demo-2026';

/**
 * One demo PKI for the whole network (every organisation and leader of every demo world): copied
 * into each installation's data folder, so all of them trust one root like the government CA.
 */
export async function generateNetworkPki(dir: string): Promise<DemoPkiManifest> {
  return generateDemoPki({
    outDir: dir,
    organisations: DEMO_NETWORK_PKI_WORLD.organisations,
    people: DEMO_NETWORK_PKI_WORLD.people,
    includeEcCertificate: false,
  });
}

/**
 * A data folder with the network's demo PKI and an exchange identity issued by its issuing CA
 * (naming `agencyCodes`), so that every peers file can be written before anything starts.
 */
export async function prepareMember(
  root: string,
  pkiDir: string,
  name: string,
  agencyCodes: readonly string[],
): Promise<NetworkMember> {
  const dataDir = join(root, name);
  mkdirSync(dataDir, { recursive: true });
  cpSync(pkiDir, join(dataDir, 'demo-pki'), { recursive: true });
  const issuer = (await demoIssuer(pkiDir))!;
  const identity = issueExchangeIdentity({ issuer: issuer.identity, name, agencyCodes });
  const password = `p-${name}-secret`;
  const p12 = join(root, `${name}.p12`);
  writeFileSync(p12, writePkcs12({ ...identity, chain: [...identity.chain], passphrase: password }));
  const passwordFile = join(root, `${name}.password`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return {
    name,
    dataDir,
    p12,
    passwordFile,
    certificatePem: derToPem(identity.certificate, 'CERTIFICATE'),
    certificate: identity.certificate,
  };
}

export function writePeersFile(
  path: string,
  peers: readonly PeerEntry[],
  routes: Record<string, string>,
): void {
  writeFileSync(path, JSON.stringify({ peers, routes }, null, 2));
}

/** The passphrase of a leader's demo P12 (demo PKI: written in its manifest). */
export function leaderPassphrase(pkiDir: string, username: string): string {
  const manifest = JSON.parse(readFileSync(join(pkiDir, 'manifest.json'), 'utf8')) as DemoPkiManifest;
  return manifest.files.find((f) => f.kind === 'personal-pkcs12' && f.owner === username)!.passphrase!;
}

/** The environment of one installation on the test network (the caller adds PORT, DATABASE_URL…). */
export function memberEnv(
  member: NetworkMember,
  peersFile: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    VANTHU_DATA_DIR: member.dataDir,
    VANTHU_EXCHANGE_NAME: member.name,
    VANTHU_EXCHANGE_PEERS_FILE: peersFile,
    VANTHU_EXCHANGE_IDENTITY_P12: member.p12,
    VANTHU_EXCHANGE_IDENTITY_PASSWORD_FILE: member.passwordFile,
    VANTHU_EXCHANGE_POLL_INTERVAL: '300ms',
    VANTHU_EXCHANGE_BACKOFF_BASE: '300ms',
    VANTHU_EXCHANGE_BACKOFF_CAP: '3s',
    VANTHU_DEMO_PASSWORD: NETWORK_DEMO_PASSWORD,
    ...extra,
  };
}
