import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isValidAgencyCode } from '@vanthu/shared';
import { pemBlocks } from '@vanthu/signing';
import { z } from 'zod';
import { exchangeError } from '../exchange.errors';

/** A name in X-Vanthu-Peer and in the peers file: the same rule as VANTHU_EXCHANGE_NAME. */
export const PEER_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{0,62}$/;
/** The route every code without a more specific one takes (the upstream hub). */
export const DEFAULT_ROUTE = '*';

const pem = z.string().regex(/-----BEGIN CERTIFICATE-----/, 'phải là chứng thư dạng PEM');

const peerSchema = z
  .object({
    name: z.string().regex(PEER_NAME_PATTERN, 'tên chỉ gồm chữ thường, chữ số, "." và "-"'),
    role: z.enum(['hub', 'node']),
    /** where this installation pushes; absent or null: the peer has no inbound port (it polls us) */
    url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    /** this installation polls the peer's mailbox (the peer is our hub and we have no inbound port) */
    poll: z.boolean().optional(),
    certificate: pem.optional(),
    certificateFile: z.string().min(1).optional(),
  })
  .strict()
  .refine((p) => (p.certificate === undefined) !== (p.certificateFile === undefined), {
    message: 'cần đúng một trong "certificate" (PEM) hoặc "certificateFile"',
  })
  .refine((p) => !p.poll || (p.role === 'hub' && Boolean(p.url)), {
    message: '"poll" chỉ dùng cho trục (role "hub") có "url"',
  });

const fileSchema = z
  .object({
    peers: z.array(peerSchema).max(1000),
    /** agency code (or "*") → peer name */
    routes: z.record(z.string(), z.string()).default({}),
    trustAnchors: z.array(pem).default([]),
    trustAnchorFiles: z.array(z.string().min(1)).default([]),
  })
  .strict();

export interface PeerDefinition {
  readonly name: string;
  readonly role: 'hub' | 'node';
  readonly baseUrl: string | null;
  readonly poll: boolean;
  /** DER of the pinned certificate */
  readonly certificate: Buffer;
}

export interface PeersConfiguration {
  readonly peers: readonly PeerDefinition[];
  /** agency code or "*" → peer name */
  readonly routes: ReadonlyMap<string, string>;
  /** DER of extra trust anchors for packages and documents */
  readonly trustAnchors: readonly Buffer[];
}

/**
 * Reads and checks the peers file (format in docs/exchange.md): every problem is named at once,
 * paths are relative to the file, certificates are parsed (a pinned certificate that does not parse
 * would refuse every request of that peer later, far from the cause).
 */
export async function readPeersFile(path: string, selfName: string): Promise<PeersConfiguration> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw invalid([`${path}: ${(error as Error).message}`]);
  }
  return parsePeersConfiguration(raw, selfName, dirname(path));
}

export async function parsePeersConfiguration(
  raw: unknown,
  selfName: string,
  baseDir: string,
): Promise<PeersConfiguration> {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`));
  const problems: string[] = [];
  const names = new Set<string>();
  const peers: PeerDefinition[] = [];
  for (const [i, peer] of parsed.data.peers.entries()) {
    if (names.has(peer.name)) problems.push(`peers.${i}.name: "${peer.name}" lặp lại`);
    if (peer.name === selfName)
      problems.push(`peers.${i}.name: "${peer.name}" là tên của chính hệ thống này`);
    names.add(peer.name);
    const text = peer.certificate ?? (await readText(resolve(baseDir, peer.certificateFile!), problems, i));
    const certificate = text === undefined ? undefined : firstCertificate(text, `peers.${i}`, problems);
    if (certificate)
      peers.push({
        name: peer.name,
        role: peer.role,
        baseUrl: peer.url ? peer.url.replace(/\/+$/, '') : null,
        poll: peer.poll ?? false,
        certificate,
      });
  }
  const routes = new Map<string, string>();
  for (const [code, peer] of Object.entries(parsed.data.routes)) {
    if (code !== DEFAULT_ROUTE && !isValidAgencyCode(code))
      problems.push(`routes.${code}: không phải mã định danh cơ quan hay "*"`);
    if (!names.has(peer)) problems.push(`routes.${code}: hệ thống "${peer}" không có trong "peers"`);
    routes.set(code, peer);
  }
  const trustAnchors: Buffer[] = [];
  for (const [i, text] of parsed.data.trustAnchors.entries()) {
    const der = firstCertificate(text, `trustAnchors.${i}`, problems);
    if (der) trustAnchors.push(der);
  }
  for (const [i, file] of parsed.data.trustAnchorFiles.entries()) {
    const text = await readText(resolve(baseDir, file), problems, i, 'trustAnchorFiles');
    const der = text === undefined ? undefined : firstCertificate(text, `trustAnchorFiles.${i}`, problems);
    if (der) trustAnchors.push(der);
  }
  if (problems.length > 0) throw invalid(problems);
  return { peers, routes, trustAnchors };
}

async function readText(
  path: string,
  problems: string[],
  index: number,
  field = 'peers',
): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    problems.push(`${field}.${index}: không đọc được ${path} (${(error as NodeJS.ErrnoException).code})`);
    return undefined;
  }
}

function firstCertificate(text: string, where: string, problems: string[]): Buffer | undefined {
  try {
    const der = pemBlocks(text, 'CERTIFICATE')[0] ?? Buffer.alloc(0);
    new X509Certificate(der);
    return der;
  } catch {
    problems.push(`${where}: chứng thư không đọc được`);
    return undefined;
  }
}

function invalid(problems: string[]) {
  return exchangeError('EXCHANGE_PEERS_FILE_INVALID', { problems });
}
