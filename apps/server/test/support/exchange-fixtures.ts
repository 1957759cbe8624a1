import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddCrlUseCase, AddTrustAnchorsUseCase, SystemCertificateActor } from '@vanthu/certificates';
import {
  type BatchResult,
  decodeBatch,
  demoIssuer,
  encodeBatchAnswer,
  ExchangeIdentityStore,
  issueExchangeIdentity,
  parsePeersConfiguration,
  signReceipt,
  SyncPeersUseCase,
  verifyRequestSignature,
} from '@vanthu/exchange';
import { derToPem, type DemoPkiManifest, generateDemoPki, type SigningIdentity } from '@vanthu/signing';
import type { TestServer } from '@vanthu/test-kit/test-server';
import type { DataSource } from 'typeorm';

/** A small CA of the test (root, issuing CA with its key, CRLs) that issues exchange identities. */
export interface TestExchangeCa {
  readonly issue: (name: string, agencyCodes: readonly string[]) => SigningIdentity;
  readonly root: Buffer;
  readonly crls: readonly Buffer[];
  /** the demo PKI folder it lives in (`vanthu exchange identity issue-demo --pki`) */
  readonly dir: string;
}

export async function exchangeCa(): Promise<TestExchangeCa> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-exchange-ca-'));
  const manifest: DemoPkiManifest = await generateDemoPki({ outDir: dir, organisations: [], people: [] });
  const issuer = (await demoIssuer(dir))!;
  const crls = await Promise.all(
    manifest.files
      .filter((f) => (f.kind === 'issuing-ca-crl' || f.kind === 'root-ca-crl') && f.format === 'der')
      .map((f) => readFile(join(dir, f.path))),
  );
  return {
    issue: (name, agencyCodes) => issueExchangeIdentity({ issuer: issuer.identity, name, agencyCodes }),
    root: issuer.root,
    crls,
    dir,
  };
}

export interface PeerSpec {
  readonly name: string;
  readonly role: 'hub' | 'node';
  readonly url: string | null;
  readonly poll?: boolean;
  readonly identity: SigningIdentity;
}

/** Gives the in-process node its identity, trust in the CA and its peers and routes. */
export async function configureNode(
  server: TestServer,
  ca: TestExchangeCa,
  self: { name: string; identity: SigningIdentity },
  peers: readonly PeerSpec[],
  routes: Record<string, string>,
): Promise<void> {
  const actor = new SystemCertificateActor('exchange test');
  await server.app.get(AddTrustAnchorsUseCase).execute({ actor, data: ca.root });
  for (const crl of ca.crls) await server.app.get(AddCrlUseCase).execute({ actor, data: crl });
  await server.app.get(ExchangeIdentityStore).save(self.name, self.identity, 'import');
  const config = await parsePeersConfiguration(
    {
      peers: peers.map((p) => ({
        name: p.name,
        role: p.role,
        url: p.url,
        ...(p.poll ? { poll: true } : {}),
        certificate: derToPem(p.identity.certificate, 'CERTIFICATE'),
      })),
      routes,
    },
    self.name,
    tmpdir(),
  );
  await server.app.get(SyncPeersUseCase).execute(config);
}

/** An issued outgoing entry with one pending exchange delivery (no files), written as issue would. */
export async function insertExchangeDelivery(
  ds: DataSource,
  input: { senderAgencyId: string; senderCode: string; organId: string; organName: string; number: number },
): Promise<{ entryId: string; deliveryId: string; documentIdentifier: string }> {
  const entryId = randomUUID();
  const deliveryId = randomUUID();
  const codeNumber = String(input.number).padStart(2, '0');
  const documentIdentifier = `${input.senderCode},2026/03/14,${codeNumber}/UBND-VP`;
  await ds.query(
    `INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code, code_number,
            code_notation, issued_date, subject, priority, document_identifier, organ_id)
     VALUES ($1, $2, 'outgoing', 'issued', '2026-03-14', 'CV', $3, 'UBND-VP', '2026-03-14',
            'Về việc thử gửi liên thông', 'normal', $4, $5)`,
    [entryId, input.senderAgencyId, codeNumber, documentIdentifier, input.senderCode],
  );
  await ds.query(
    `INSERT INTO delivery (id, entry_id, sender_agency_id, channel, business, organ_id, organ_name, state)
     VALUES ($1, $2, $3, 'exchange', 'new', $4, $5, 'pending')`,
    [deliveryId, entryId, input.senderAgencyId, input.organId, input.organName],
  );
  return { entryId, deliveryId, documentIdentifier };
}

/**
 * `html`: a wrong URL or a misconfigured proxy, 200 and a web page for every request, nothing
 * stored; `html-after-store`: a genuine peer behind a proxy that forwards the PUT, then replaces
 * the receipt with its own page.
 */
export type FakePeerMode =
  | 'ok'
  | 'down'
  | 'refuse'
  | 'hang-after-store'
  | 'html'
  | 'html-after-store'
  /** answers each consignment 503 (its storage failing), a batch with 200 and a 503 for each */
  | 'fail-each';

const HTML_PAGE =
  '<!doctype html><html lang="vi"><head><title>Cổng thông tin</title></head><body>Xin chào</body></html>';

/**
 * A peer on loopback with its own exchange identity: checks each request's signature against the
 * node's certificate, stores PUT bodies by consignment id and answers as told (a signed receipt,
 * 503, a 422 refusal, or nothing at all after storing).
 */
export class FakePeer {
  mode: FakePeerMode = 'ok';
  /** false: an older peer without batches (404 to POST …/consignments) */
  batches = true;
  readonly requests: {
    method: string;
    path: string;
    signatureOk: boolean;
    userAgent: string;
    /** the consignments a PUT or a batch carried */
    consignments: string[];
  }[] = [];
  /** milliseconds each answer waits (lets several senders interleave) */
  delayMs = 0;
  readonly stored = new Map<string, { bytes: Buffer; receipt: string }>();
  private server!: Server;
  url = '';

  constructor(
    readonly name: string,
    readonly identity: SigningIdentity,
    private readonly nodeCertificate: () => Buffer,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  count(method: string): number {
    return this.requests.filter((r) => r.method === method).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    let signatureOk = true;
    try {
      verifyRequestSignature(
        {
          peer: String(req.headers['x-vanthu-peer']),
          timestamp: String(req.headers['x-vanthu-timestamp']),
          sha256: String(req.headers['x-vanthu-content-sha256']),
          signature: String(req.headers['x-vanthu-signature']),
        },
        req.method!,
        req.url!,
        new X509Certificate(this.nodeCertificate()).publicKey,
        new Date(),
      );
    } catch {
      signatureOk = false;
    }
    const id = /consignments\/([0-9a-f-]{36})/.exec(req.url ?? '')?.[1] ?? '';
    // several consignments in one request: each answered as its own PUT would be
    const batch = req.method === 'POST' && req.url === '/exchange/v1/consignments';
    const items = batch ? decodeBatch(body) : [{ consignmentId: id, bytes: body }];
    this.requests.push({
      method: req.method!,
      path: req.url!,
      signatureOk,
      userAgent: String(req.headers['user-agent']),
      consignments: req.method === 'GET' ? [] : items.map((i) => i.consignmentId),
    });
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.mode === 'down') return void res.writeHead(503).end('{"code":"DOWN","message":"down"}');
    if (batch && !this.batches) return void res.writeHead(404).end('{"code":"NOT_FOUND","message":"-"}');
    const failure = { code: 'EXCHANGE_RECEIVER_UNAVAILABLE', message: 'Lỗi lưu trữ.' };
    if (this.mode === 'fail-each' && !batch) return void res.writeHead(503).end(JSON.stringify(failure));
    if (this.mode === 'html' || (this.mode === 'html-after-store' && req.method === 'GET'))
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_PAGE);
    if (req.method === 'GET') {
      const known = this.stored.get(id);
      if (!known) return void res.writeHead(404).end('{"code":"EXCHANGE_NOT_FOUND","message":"-"}');
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(known.receipt);
    }
    const refusal = { code: 'EXCHANGE_UNKNOWN_RECIPIENT', message: 'Không phục vụ cơ quan nhận.' };
    if (this.mode === 'refuse' && !batch) return void res.writeHead(422).end(JSON.stringify(refusal));
    const results: BatchResult[] = items.map(({ consignmentId, bytes }) =>
      this.mode === 'refuse'
        ? { consignmentId, status: 422, ...refusal }
        : this.mode === 'fail-each'
          ? { consignmentId, status: 503, ...failure }
          : { consignmentId, receipt: this.store(consignmentId, bytes) },
    );
    if (this.mode === 'hang-after-store') return; // the answer never comes
    if (this.mode === 'html-after-store')
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML_PAGE);
    const answer = batch ? encodeBatchAnswer(results) : (results[0] as { receipt: string }).receipt;
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
  }

  /** Keeps the bytes and answers the receipt (the same one for a repeat). */
  private store(consignmentId: string, bytes: Buffer): string {
    const receipt =
      this.stored.get(consignmentId)?.receipt ??
      signReceipt(
        {
          consignmentId,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          size: bytes.length,
          receivedAt: new Date().toISOString(),
          receiver: this.name,
        },
        this.identity.privateKey,
      );
    this.stored.set(consignmentId, { bytes, receipt });
    return receipt;
  }
}
