import { createHash, generateKeyPairSync, randomUUID, X509Certificate } from 'node:crypto';
import { DEMO_CENTRAL_CODE, DEMO_PROVINCE_CODE } from '@vanthu/directory';
import {
  buildEdocPackageToBuffer,
  buildStatusPackageToBuffer,
  edocHeaderFromRegister,
  type EdocPackageInput,
  vietnamTimestamp,
} from '@vanthu/edxml';
import {
  encodeBatch,
  EXCHANGE_HEADERS,
  InboundProcessWorker,
  signRequest,
  statusConsignmentId,
  verifyReceipt,
} from '@vanthu/exchange';
import { issueCertificate, type SigningIdentity } from '@vanthu/signing';
import { Workbook } from 'exceljs';
import {
  ApiSessions,
  insertAgency,
  insertDistrictAndCommunes,
  insertUser,
  type AgencyRow,
} from '@vanthu/test-kit';
import { ObjectStorage } from '@vanthu/storage';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { zip } from '../../../libs/edxml/test-fixtures/zip-writer';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { configureNode, exchangeCa, FakePeer, insertExchangeDelivery } from './support/exchange-fixtures';

/**
 * The receiving side of a node, attacked and used by a sender the test plays (its own key, its
 * own packages): idempotent store with one receipt, refusals that keep nothing, who may send what,
 * statuses only for what this node sent, revoke/update/replace (held until the document arrives),
 * and corrupt documents answered with 02.
 */
describe('exchange: a node receiving', () => {
  let server: TestServer;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let node: SigningIdentity;
  let vpcp: SigningIdentity;
  let other: SigningIdentity;
  let statusPeer: FakePeer;
  let pdf: Buffer;
  let processWorker: InboundProcessWorker;

  beforeAll(async () => {
    server = await startTestServer({
      VANTHU_EXCHANGE_NAME: 'node-eahleo',
      VANTHU_EXCHANGE_MAX_PACKAGE_MB: '4',
    });
    const ds = server.db.dataSource;
    ({ district, communeA } = await insertDistrictAndCommunes(ds));
    const g22 = await insertAgency(ds, {
      code: DEMO_CENTRAL_CODE,
      name: 'Văn phòng Chính phủ',
      hosted: false,
    });
    await insertAgency(ds, { code: '000.01.00.G22', name: 'Vụ Tổng hợp', hosted: false, parentId: g22.id });
    await insertAgency(ds, {
      code: DEMO_PROVINCE_CODE,
      name: 'UBND tỉnh Đắk Lắk',
      hosted: false,
      parentId: g22.id,
    });
    await insertUser(ds, { agencyId: communeA.id, username: 'a.clerk', roles: ['clerk'] });
    const ca = await exchangeCa();
    node = ca.issue('node-eahleo', [district.code]);
    vpcp = ca.issue('node-vpcp', [DEMO_CENTRAL_CODE]);
    other = ca.issue('node-other', [DEMO_CENTRAL_CODE]);
    // statuses this node sends back to node-vpcp are queued to a peer that is never reached here
    statusPeer = new FakePeer('node-vpcp', vpcp, () => node.certificate);
    await statusPeer.start();
    await configureNode(
      server,
      ca,
      { name: 'node-eahleo', identity: node },
      [
        { name: 'node-vpcp', role: 'node', url: statusPeer.url, identity: vpcp },
        { name: 'node-other', role: 'node', url: null, identity: other },
      ],
      { [DEMO_CENTRAL_CODE]: 'node-vpcp' },
    );
    pdf = await nd30Pdf();
    processWorker = server.app.get(InboundProcessWorker);
  }, 120_000);

  afterAll(async () => {
    await statusPeer?.stop();
    await server?.close();
  });

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    server.db.dataSource.query(text, params) as Promise<T[]>;
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  let serial = 0;

  function documentInput(
    over: {
      from?: string;
      to?: string;
      business?: 0 | 1 | 2 | 3;
      documentId?: string;
      subject?: string;
      attachment?: Buffer | null;
    } = {},
  ): EdocPackageInput {
    serial += 1;
    const codeNumber = String(serial).padStart(2, '0');
    const header = edocHeaderFromRegister({
      typeCode: 'CV',
      codeNumber,
      codeNotation: 'VPCP-KGVX',
      issuedDate: '2026-03-14',
      subject: over.subject ?? `Về việc thử nhận văn bản số ${codeNumber}`,
      from: { organId: over.from ?? DEMO_CENTRAL_CODE, organName: 'Văn phòng Chính phủ' },
      to: [{ organId: over.to ?? communeA.code, organName: 'UBND thị trấn Ea Drăng' }],
    });
    const documentId =
      over.documentId ?? `${over.from ?? DEMO_CENTRAL_CODE},2026/03/14,${codeNumber}/VPCP-KGVX`;
    return {
      header: { ...header, documentId },
      traceHeaderList: {
        traceHeaders: [{ organId: DEMO_CENTRAL_CODE, timestamp: vietnamTimestamp(new Date()) }],
        bussiness: {
          bussinessDocType: over.business ?? 0,
          ...(over.business ? { bussinessDocReason: 'Sai sót về nội dung', documentId } : {}),
          replacementInfoList: [],
        },
      },
      attachments:
        over.attachment === null
          ? []
          : [
              {
                attachmentName: 'cong-van.pdf',
                contentType: 'application/pdf',
                source: over.attachment ?? pdf,
              },
            ],
    };
  }

  const pack = async (input: EdocPackageInput, signer: SigningIdentity = vpcp) =>
    (await buildEdocPackageToBuffer(input, { signer })).xml;

  async function push(
    id: string,
    body: Buffer,
    options: { peer?: string; key?: SigningIdentity; timestamp?: Date; sha256?: string; path?: string } = {},
  ) {
    const path = options.path ?? `/exchange/v1/consignments/${id}`;
    const headers = signRequest(
      options.peer ?? 'node-vpcp',
      (options.key ?? vpcp).privateKey,
      'PUT',
      path,
      options.sha256 ?? sha(body),
      options.timestamp ?? new Date(),
    );
    const res = await fetch(`${server.url}${path}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/xml' },
      body: new Uint8Array(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
  }

  /** Several consignments in one signed request (POST /exchange/v1/consignments). */
  async function pushMany(
    items: { consignmentId: string; bytes: Buffer }[],
    body = encodeBatch(items),
    signer: { peer: string; key: SigningIdentity } = { peer: 'node-vpcp', key: vpcp },
  ) {
    const path = '/exchange/v1/consignments';
    const headers = signRequest(signer.peer, signer.key.privateKey, 'POST', path, sha(body), new Date());
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
    const text = await res.text();
    return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
  }

  const inboundCount = async () =>
    Number((await sql<{ n: string }>('SELECT count(*) AS n FROM exchange_inbound'))[0].n);
  const storedPackages = async () => {
    let n = 0;
    for await (const key of server.app.get(ObjectStorage).list()) if (key.startsWith('exchange/')) n += 1;
    return n;
  };
  const entryOf = async (consignmentId: string) =>
    (
      await sql<{ id: string; status: string; subject: string; verification_verdict: string }>(
        `SELECT id, status, subject, verification_verdict FROM register_entry WHERE source_delivery_id = $1`,
        [consignmentId],
      )
    )[0];
  const statusesSentFor = (consignmentId: string) =>
    sql<{ status_code: string; state: string }>(
      `SELECT status_code, state FROM exchange_outbound WHERE answers_consignment = $1 ORDER BY status_code`,
      [consignmentId],
    );

  /** Processed and refused: the row rejected with the code, nothing in the inbox, 02 queued back. */
  async function expectRefused(consignmentId: string, code: string) {
    expect(
      await sql(`SELECT state, error_code FROM exchange_inbound WHERE consignment_id = $1`, [consignmentId]),
    ).toEqual([{ state: 'rejected', error_code: code }]);
    expect(await entryOf(consignmentId)).toBeUndefined();
    expect(await statusesSentFor(consignmentId)).toEqual([{ status_code: '02', state: 'queued' }]);
  }

  it('stores a consignment once: 100 concurrent pushes and 100 later ones get the same receipt, one inbox entry, one 01', async () => {
    const id = randomUUID();
    const bytes = await pack(documentInput());
    const first = await Promise.all(Array.from({ length: 100 }, () => push(id, bytes)));
    expect(new Set(first.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(first.map((r) => r.text)).size).toBe(1);
    const receipt = verifyReceipt(first[0].text, new X509Certificate(node.certificate).publicKey, {
      consignmentId: id,
      sha256: sha(bytes),
    });
    expect(receipt).toMatchObject({ receiver: 'node-eahleo', size: bytes.length });
    await processWorker.tick();
    const later = await Promise.all(Array.from({ length: 100 }, () => push(id, bytes)));
    expect(new Set(later.map((r) => r.text))).toEqual(new Set([first[0].text]));
    await processWorker.tick();
    expect(await sql(`SELECT state FROM exchange_inbound WHERE consignment_id = $1`, [id])).toEqual([
      { state: 'processed' },
    ]);
    expect(await sql(`SELECT id FROM register_entry WHERE source_delivery_id = $1`, [id])).toHaveLength(1);
    expect(await entryOf(id)).toMatchObject({ status: 'received', verification_verdict: 'unsigned' });
    expect(await statusesSentFor(id)).toEqual([{ status_code: '01', state: 'queued' }]);
    expect(
      await sql(`SELECT 1 FROM audit_event WHERE action = 'exchange.received' AND subject_id = $1`, [id]),
    ).toHaveLength(1);
  });

  it('refuses the same id with other bytes and the same bytes under another id', async () => {
    const id = randomUUID();
    const bytes = await pack(documentInput());
    expect((await push(id, bytes)).status).toBe(200);
    const conflict = await push(id, await pack(documentInput()));
    expect(conflict).toMatchObject({ status: 409, json: { code: 'CONSIGNMENT_CONFLICT' } });
    const replay = await push(randomUUID(), bytes);
    expect(replay).toMatchObject({ status: 409, json: { code: 'EXCHANGE_REPLAY' } });
  });

  it('takes several consignments in one request, each answered as its own PUT would be, and keeps only the admitted', async () => {
    const earlier = { consignmentId: randomUUID(), bytes: await pack(documentInput()) };
    const earlierReceipt = (await push(earlier.consignmentId, earlier.bytes)).text;
    const good = await pack(documentInput());
    const fresh = { consignmentId: randomUUID(), bytes: good };
    const tampered = {
      consignmentId: randomUUID(),
      bytes: Buffer.from(
        (await pack(documentInput())).toString('utf8').replace('Về việc thử nhận', 'Về việc sửa nhận'),
      ),
    };
    const items = [
      fresh,
      earlier,
      tampered,
      { consignmentId: randomUUID(), bytes: good }, // the same bytes under another id
      { consignmentId: earlier.consignmentId, bytes: await pack(documentInput()) }, // its id, other bytes
    ];
    const before = { rows: await inboundCount(), files: await storedPackages() };
    const answer = await pushMany([items[0], items[1], items[2], items[3]]);
    expect(answer.status).toBe(200);
    const results = answer.json.results as Record<string, unknown>[];
    expect(results.map((r) => r.id)).toEqual(items.slice(0, 4).map((i) => i.consignmentId));
    const receipt = verifyReceipt(
      results[0].receipt as string,
      new X509Certificate(node.certificate).publicKey,
      {
        consignmentId: fresh.consignmentId,
        sha256: sha(good),
      },
    );
    expect(receipt).toMatchObject({ receiver: 'node-eahleo', size: good.length });
    expect(results[1]).toEqual({ id: earlier.consignmentId, receipt: earlierReceipt });
    expect(results[2]).toMatchObject({ status: 422, code: 'EXCHANGE_SIGNATURE_INVALID' });
    expect(results[2].message).toMatch(/[ạảãáàăâđêôơư]/);
    expect(results[3]).toMatchObject({ status: 409, code: 'EXCHANGE_REPLAY' });
    // only the fresh one is kept: one row, one stored package
    expect({ rows: await inboundCount(), files: await storedPackages() }).toEqual({
      rows: before.rows + 1,
      files: before.files + 1,
    });
    // repeated, and with the conflicting copy of the earlier id: the same answers, nothing more kept
    const again = await pushMany([items[0], items[4]]);
    expect(again.json.results).toEqual([
      results[0],
      expect.objectContaining({ id: earlier.consignmentId, status: 409, code: 'CONSIGNMENT_CONFLICT' }),
    ]);
    expect((await push(fresh.consignmentId, good)).text).toBe(results[0].receipt);
    expect({ rows: await inboundCount(), files: await storedPackages() }).toEqual({
      rows: before.rows + 1,
      files: before.files + 1,
    });
    await processWorker.tick();
    expect(await entryOf(fresh.consignmentId)).toMatchObject({ status: 'received' });
    expect(await statusesSentFor(fresh.consignmentId)).toEqual([{ status_code: '01', state: 'queued' }]);
    // a body that is not a batch: refused whole, nothing kept
    const kept = { rows: await inboundCount(), files: await storedPackages() };
    const cut = encodeBatch([{ consignmentId: randomUUID(), bytes: await pack(documentInput()) }]);
    const invalid = await pushMany([], cut.subarray(0, cut.length - 10));
    expect(invalid).toMatchObject({ status: 400, json: { code: 'EXCHANGE_BATCH_INVALID' } });
    // callers it cannot trust are refused before the body is read, as for a PUT
    const untrusted = [{ consignmentId: randomUUID(), bytes: await pack(documentInput()) }];
    expect(await pushMany(untrusted, undefined, { peer: 'node-nobody', key: vpcp })).toMatchObject({
      status: 401,
      json: { code: 'EXCHANGE_PEER_UNKNOWN' },
    });
    expect(await pushMany(untrusted, undefined, { peer: 'node-vpcp', key: other })).toMatchObject({
      status: 401,
      json: { code: 'EXCHANGE_REQUEST_SIGNATURE_INVALID' },
    });
    expect({ rows: await inboundCount(), files: await storedPackages() }).toEqual(kept);
  });

  it('receives each consignment of a batch alone when their shared transaction fails: only the one at fault fails, to be retried; its bytes under another id are kept', async () => {
    const items = [];
    for (let i = 0; i < 3; i += 1)
      items.push({ consignmentId: randomUUID(), bytes: await pack(documentInput()) });
    const faulty = items[1].consignmentId;
    // the same bytes under another id: a replay only if the first copy is kept, which it will not be
    items.push({ consignmentId: randomUUID(), bytes: items[1].bytes });
    const before = { rows: await inboundCount(), files: await storedPackages() };
    // a database failure on one row (as a full disk or a bug would give), for this test only
    await sql(`CREATE FUNCTION test_fail_inbound() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.consignment_id = '${faulty}' THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$`);
    await sql(`CREATE TRIGGER test_fail_inbound BEFORE INSERT ON exchange_inbound
      FOR EACH ROW EXECUTE FUNCTION test_fail_inbound()`);
    let answer: Awaited<ReturnType<typeof pushMany>>;
    try {
      answer = await pushMany(items);
    } finally {
      await sql(`DROP TRIGGER test_fail_inbound ON exchange_inbound`);
      await sql(`DROP FUNCTION test_fail_inbound()`);
    }
    const results = answer.json.results as Record<string, unknown>[];
    expect(results.map((r) => (r.receipt ? 'receipt' : r.code))).toEqual([
      'receipt',
      'EXCHANGE_RECEIVER_UNAVAILABLE',
      'receipt',
      'receipt',
    ]);
    expect(results[1].status).toBe(503);
    expect({ rows: await inboundCount(), files: await storedPackages() }).toEqual({
      rows: before.rows + 3,
      files: before.files + 3,
    });
    // retried, the failed id is now a replay of the copy kept under the other id
    expect((await pushMany([items[1]])).json.results).toEqual([
      expect.objectContaining({ id: faulty, status: 409, code: 'EXCHANGE_REPLAY' }),
    ]);
  });

  it('refuses tampered and unauthorised packages and keeps nothing of them', async () => {
    const before = { rows: await inboundCount(), files: await storedPackages() };
    expect(before.files).toBeGreaterThan(0);
    const good = await pack(documentInput());
    const subjectChanged = Buffer.from(good.toString('utf8').replace('Về việc thử nhận', 'Về việc sửa nhận'));
    const body = good.toString('latin1');
    const at = body.indexOf('ContentTransferEncoded>') + 200;
    const flipped = Buffer.from(
      body.slice(0, at) + (body[at] === 'A' ? 'B' : 'A') + body.slice(at + 1),
      'latin1',
    );
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const selfSigned: SigningIdentity = {
      privateKey,
      certificate: issueCertificate({
        subject: [['CN', 'node-vpcp']],
        publicKey,
        notBefore: new Date(Date.now() - 60_000),
        notAfter: new Date(Date.now() + 86_400_000),
        signer: { privateKey },
        keyUsage: ['digitalSignature'],
        subjectAltNameUris: [`urn:vanthu:agency:${DEMO_CENTRAL_CODE}`],
      }),
      chain: [],
    };
    const cases: [string, Buffer, number, string][] = [
      ['subject changed', subjectChanged, 422, 'EXCHANGE_SIGNATURE_INVALID'],
      ['attachment byte flipped', flipped, 422, 'EXCHANGE_SIGNATURE_INVALID'],
      ['certificate not trusted', await pack(documentInput(), selfSigned), 422, 'EXCHANGE_SIGNATURE_INVALID'],
      [
        'another agency as From',
        await pack(documentInput({ from: district.code })),
        403,
        'EXCHANGE_SENDER_NOT_AUTHORISED',
      ],
      ['relayed by a node', await pack(documentInput(), other), 403, 'EXCHANGE_SENDER_NOT_AUTHORISED'],
      [
        'an agency not hosted here',
        await pack(documentInput({ to: DEMO_PROVINCE_CODE })),
        422,
        'EXCHANGE_UNKNOWN_RECIPIENT',
      ],
      ['not XML', Buffer.from('<edXML><unclosed>'), 400, 'EDXML_NOT_WELL_FORMED'],
    ];
    for (const [what, bytes, status, code] of cases) {
      const res = await push(randomUUID(), bytes);
      expect({ what, status: res.status, code: res.json?.code }).toEqual({ what, status, code });
      expect(res.json.message).toMatch(/[ạảãáàăâđêôơư]/);
    }
    expect({ rows: await inboundCount(), files: await storedPackages() }).toEqual(before);
    const refused = await sql(`SELECT details FROM audit_event WHERE action = 'exchange.refused'`);
    expect(refused.length).toBeGreaterThanOrEqual(cases.length);
  });

  it('refuses callers and requests it cannot trust before reading a byte of the body', async () => {
    const bytes = await pack(documentInput());
    const id = randomUUID();
    expect((await push(id, bytes, { peer: 'node-nobody' })).json.code).toBe('EXCHANGE_PEER_UNKNOWN');
    expect((await push(id, bytes, { key: other })).json.code).toBe('EXCHANGE_REQUEST_SIGNATURE_INVALID');
    const stale = await push(id, bytes, { timestamp: new Date(Date.now() - 10 * 60_000) });
    expect(stale).toMatchObject({ status: 401, json: { code: 'EXCHANGE_REQUEST_SIGNATURE_INVALID' } });
    const mismatch = await push(id, bytes, { sha256: sha(Buffer.from('something else')) });
    expect(mismatch).toMatchObject({ status: 400, json: { code: 'EXCHANGE_BODY_MISMATCH' } });
    const injected = await push(id, bytes, { path: '/exchange/v1/consignments/..%2F..%2Fetc%2Fpasswd' });
    expect(injected).toMatchObject({ status: 400, json: { code: 'EXCHANGE_CONSIGNMENT_ID_INVALID' } });
    const big = Buffer.alloc(5 * 1024 * 1024, 0x20);
    expect((await push(id, big)).json.code).toBe('EXCHANGE_PACKAGE_TOO_LARGE');
    const unsigned = await fetch(`${server.url}/exchange/v1/consignments/${id}`, {
      method: 'PUT',
      body: 'x',
    });
    expect(unsigned.status).toBe(401);
    expect(await sql(`SELECT 1 FROM exchange_inbound WHERE consignment_id = $1`, [id])).toEqual([]);
    expect(Object.values(EXCHANGE_HEADERS)).toHaveLength(4);
  });

  it('refuses a corrupt document with status 02 and the reason, with nothing in the inbox', async () => {
    const id = randomUUID();
    // a PDF header and then nothing a PDF reader can use (the edXML layer lets it through)
    const corrupt = Buffer.from(`%PDF-1.7\n${'1 0 obj << /Type /Garbage '.repeat(80)}\n%%EOF\n`);
    expect((await push(id, await pack(documentInput({ attachment: corrupt })))).status).toBe(200);
    await processWorker.tick();
    await expectRefused(id, 'EXCHANGE_ATTACHMENT_CORRUPT');
    const [stored] = await sql<{ storage_key: string }>(
      `SELECT storage_key FROM exchange_outbound WHERE answers_consignment = $1`,
      [id],
    );
    const status = (await server.app.get(ObjectStorage).getBuffer(stored.storage_key)).toString('utf8');
    expect(status).toContain('<edXML:StatusCode>02</edXML:StatusCode>');
    expect(status).toContain('EXCHANGE_ATTACHMENT_CORRUPT');
  });

  it('refuses a document that brings a program, even one whose name hides its extension (02, nothing kept)', async () => {
    const id = randomUUID();
    const input = documentInput();
    const program = Buffer.from('MZ\x90\x00 not really a program');
    const bytes = await pack({
      ...input,
      attachments: [
        ...input.attachments,
        // shown as "Phụ lụcexe.docx" by anything that honours the right-to-left override
        { attachmentName: 'Phụ lục\u202excod.exe', contentType: 'application/msword', source: program },
      ],
    });
    expect((await push(id, bytes)).status).toBe(200);
    await processWorker.tick();
    await expectRefused(id, 'EXCHANGE_ATTACHMENT_NOT_ALLOWED');
  });

  it('keeps every attachment of a received document: PDFs verified, Word, Excel and others to download as they came', async () => {
    const id = randomUUID();
    const workbook = new Workbook();
    workbook.addWorksheet('Tổng hợp').addRow(['Xã', 'Số hộ']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    // a Word file is a ZIP of a few dozen parts (more than one, so never unwrapped as a wrapper)
    const docx = zip(
      Array.from({ length: 24 }, (_, i) => ({
        name: i === 0 ? '[Content_Types].xml' : `word/part${i}.xml`,
        data: Buffer.from(`<w:document>Phụ lục ${i}</w:document>`),
      })),
    );
    const page = Buffer.from('<html><body><script>fetch("/api/v1/me")</script></body></html>');
    const csv = Buffer.from('Xã,Số hộ\nEa Drăng,1200\n');
    const input = documentInput();
    const extra = [
      // declared a PDF, as some systems declare everything: kept as the Word file it is
      { attachmentName: 'Phụ lục 1.docx', contentType: 'application/pdf', source: docx },
      { attachmentName: 'Bảng tổng hợp.xlsx', contentType: 'application/octet-stream', source: xlsx },
      { attachmentName: 'trang.html', contentType: 'text/html', source: page },
      // one file zipped under the archive's name: kept under the name of the file inside
      {
        attachmentName: 'Hồ sơ.zip',
        contentType: 'application/octet-stream',
        source: zip([{ name: 'du-lieu/so-lieu.csv', data: csv }]),
      },
    ];
    const bytes = await pack({ ...input, attachments: [...input.attachments, ...extra] });
    expect((await push(id, bytes)).status).toBe(200);
    await processWorker.tick();
    const entry = await entryOf(id);
    // the entry's verdict is its PDF's: the other files have no signature to check
    expect(entry).toMatchObject({ status: 'received', verification_verdict: 'unsigned' });
    const versions = await sql<{
      id: string;
      file_index: number;
      file_name: string;
      media_type: string;
      verification_verdict: string | null;
      sha256: string;
    }>(
      `SELECT id, file_index, file_name, media_type, verification_verdict, sha256
         FROM document_version WHERE entry_id = $1 ORDER BY file_index`,
      [entry.id],
    );
    expect(versions.map((v) => [v.file_index, v.file_name, v.media_type, v.verification_verdict])).toEqual([
      [0, 'cong-van.pdf', 'application/pdf', 'unsigned'],
      [1, 'Phụ lục 1.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', null],
      [2, 'Bảng tổng hợp.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null],
      [3, 'trang.html', 'application/octet-stream', null],
      [4, 'so-lieu.csv', 'text/csv', null],
    ]);
    expect(versions.map((v) => v.sha256)).toEqual([sha(pdf), sha(docx), sha(xlsx), sha(page), sha(csv)]);

    // the commune's clerk downloads each as it came; nothing is served as a page the browser would run
    const api = new ApiSessions(server.url);
    const base = `/api/v1/agencies/${communeA.id}/entries/${entry.id}`;
    const detail = (await api.get('a.clerk', base)).body;
    expect(detail.files.map((f: { mediaType: string }) => f.mediaType)).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
      'text/csv',
    ]);
    const download = (versionId: string) =>
      api
        .bearer('a.clerk')
        .then((auth) =>
          fetch(`${server.url}${base}/versions/${versionId}/content`, { headers: { authorization: auth } }),
        );
    for (const [i, expected] of [pdf, docx, xlsx, page, csv].entries()) {
      const res = await download(versions[i].id);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(versions[i].media_type);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true);
    }
    // the viewer's first request is the main document, the PDF
    const main = await api
      .bearer('a.clerk')
      .then((auth) => fetch(`${server.url}${base}/main-file/content`, { headers: { authorization: auth } }));
    expect(main.headers.get('x-version-id')).toBe(versions[0].id);
    expect(main.headers.get('content-type')).toBe('application/pdf');
    expect(await statusesSentFor(id)).toEqual([{ status_code: '01', state: 'queued' }]);
  });

  it('opens a package wrapped in another, as national hubs send them, and takes its files (500 at most)', async () => {
    const id = randomUUID();
    const note = Buffer.from('Ghi chú của cơ quan gửi: đề nghị báo cáo trước ngày 20.\n');
    const original = documentInput();
    const inner = await pack({
      ...original,
      attachments: [
        ...original.attachments,
        { attachmentName: 'ghi-chu.txt', contentType: 'text/plain', source: note },
      ],
    });
    const wrapper = documentInput();
    const bytes = await pack({
      ...wrapper,
      attachments: [{ attachmentName: 'goc.edxml', contentType: 'text/xml', source: inner }],
    });
    expect((await push(id, bytes)).status).toBe(200);
    await processWorker.tick();
    const entry = await entryOf(id);
    expect(entry).toMatchObject({ status: 'received', verification_verdict: 'unsigned' });
    expect(
      await sql(
        `SELECT file_index, file_name, media_type, sha256 FROM document_version WHERE entry_id = $1 ORDER BY file_index`,
        [entry.id],
      ),
    ).toEqual([
      { file_index: 0, file_name: 'cong-van.pdf', media_type: 'application/pdf', sha256: sha(pdf) },
      { file_index: 1, file_name: 'ghi-chu.txt', media_type: 'text/plain', sha256: sha(note) },
    ]);

    // two wrapped packages of 251 different files each: more than 500 files for one document is refused (02)
    const tooMany = randomUUID();
    const crowded = async (part: number) => {
      const o = documentInput();
      return pack({
        ...o,
        attachments: [
          ...o.attachments,
          ...Array.from({ length: 250 }, (_, i) => ({
            attachmentName: `phu-luc-${i}.txt`,
            contentType: 'text/plain',
            source: Buffer.from(`Phần ${part}, phụ lục ${i}`),
          })),
        ],
      });
    };
    const outer = documentInput();
    const many = await pack({
      ...outer,
      attachments: [
        { attachmentName: 'goc-1.edxml', contentType: 'text/xml', source: await crowded(1) },
        { attachmentName: 'goc-2.edxml', contentType: 'text/xml', source: await crowded(2) },
      ],
    });
    expect((await push(tooMany, many)).status).toBe(200);
    await processWorker.tick();
    await expectRefused(tooMany, 'EXCHANGE_PACKAGE_TOO_LARGE');
  });

  it('holds a revoke that overtakes its document, and applies it (status 15) once the document arrives', async () => {
    const original = documentInput();
    const documentId = original.header.documentId!;
    const revokeId = randomUUID();
    const revoke = await pack({
      ...documentInput({ business: 1, documentId, attachment: null }),
      header: { ...original.header, documentId },
    });
    expect((await push(revokeId, revoke)).status).toBe(200);
    await processWorker.tick();
    expect(await sql(`SELECT state FROM exchange_inbound WHERE consignment_id = $1`, [revokeId])).toEqual([
      { state: 'held' },
    ]);

    const originalId = randomUUID();
    expect((await push(originalId, await pack(original))).status).toBe(200);
    await processWorker.tick();
    await processWorker.tick();
    expect(await entryOf(originalId)).toMatchObject({ status: 'recalled' });
    expect(await sql(`SELECT state FROM exchange_inbound WHERE consignment_id = $1`, [revokeId])).toEqual([
      { state: 'processed' },
    ]);
    expect(await statusesSentFor(revokeId)).toEqual([{ status_code: '15', state: 'queued' }]);
    expect(
      await sql(`SELECT 1 FROM document_version WHERE entry_id = $1`, [(await entryOf(originalId)).id]),
    ).toEqual([]);
  });

  it('applies an update (note, fields, status 15) and a replace (recall with the replacement named)', async () => {
    const original = documentInput();
    const documentId = original.header.documentId!;
    const originalId = randomUUID();
    await push(originalId, await pack(original));
    await processWorker.tick();
    const corrected = { ...original.header, subject: 'Về việc thử nhận văn bản (đã sửa trích yếu)' };
    const updateId = randomUUID();
    await push(
      updateId,
      await pack({ ...documentInput({ business: 2, documentId, attachment: null }), header: corrected }),
    );
    await processWorker.tick();
    const entry = await entryOf(originalId);
    expect(entry.subject).toBe('Về việc thử nhận văn bản (đã sửa trích yếu)');
    const [note] = await sql<{ body: string; author_id: string | null }>(
      `SELECT body, author_id FROM entry_note WHERE entry_id = $1`,
      [entry.id],
    );
    expect(note).toEqual({
      body: 'Cơ quan ban hành cập nhật thông tin văn bản: Sai sót về nội dung',
      author_id: null,
    });
    expect(await statusesSentFor(updateId)).toEqual([{ status_code: '15', state: 'queued' }]);

    const replaceId = randomUUID();
    await push(
      replaceId,
      await pack({
        ...documentInput({ business: 3, documentId, attachment: null }),
        header: original.header,
      }),
    );
    await processWorker.tick();
    expect(await entryOf(originalId)).toMatchObject({ status: 'recalled' });
    expect((await entryOf(originalId)).subject).toContain('thay thế');
  });

  it('refuses a revoke, update or replace of a document from an agency other than its sender', async () => {
    const original = documentInput();
    const documentId = original.header.documentId!;
    const originalId = randomUUID();
    await push(originalId, await pack(original));
    await processWorker.tick();
    // the province lies under the central agency in this directory, so vpcp's certificate covers
    // it: the package is authentic, but the province did not send this document
    for (const business of [1, 2, 3] as const) {
      const id = randomUUID();
      // the province's own package (its From, its DocumentId) whose Bussiness names the document
      const input = documentInput({ business, from: DEMO_PROVINCE_CODE, attachment: null });
      const forged = await pack({
        ...input,
        header: { ...input.header, subject: 'Về việc đã bị sửa' },
        traceHeaderList: {
          ...input.traceHeaderList,
          bussiness: { ...input.traceHeaderList.bussiness!, documentId },
        },
      });
      expect((await push(id, forged)).status).toBe(200);
      await processWorker.tick();
      expect(
        await sql(`SELECT state, error_code FROM exchange_inbound WHERE consignment_id = $1`, [id]),
      ).toEqual([{ state: 'rejected', error_code: 'EXCHANGE_SENDER_NOT_AUTHORISED' }]);
      expect(await statusesSentFor(id)).toEqual([{ status_code: '02', state: 'queued' }]);
    }
    expect(await entryOf(originalId)).toMatchObject({
      status: 'received',
      subject: original.header.subject,
    });

    // another agency's document under the same identifier, received later (other systems do not
    // always compose DocumentId from their own code): the sender's revoke still finds its own
    const columns = (
      await sql<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'register_entry'
          AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'organ_id', 'source_delivery_id', 'created_at')`,
      )
    ).map((c) => `"${c.column_name}"`);
    const [lookalike] = await sql<{ id: string }>(
      `INSERT INTO register_entry (id, organ_id, source_delivery_id, created_at, ${columns.join(', ')})
       SELECT gen_random_uuid(), $2, gen_random_uuid(), created_at + interval '1 minute', ${columns.join(', ')}
         FROM register_entry WHERE id = $1 RETURNING id`,
      [(await entryOf(originalId)).id, DEMO_PROVINCE_CODE],
    );
    const revokeId = randomUUID();
    await push(
      revokeId,
      await pack({
        ...documentInput({ business: 1, documentId, attachment: null }),
        header: original.header,
      }),
    );
    await processWorker.tick();
    expect(await statusesSentFor(revokeId)).toEqual([{ status_code: '15', state: 'queued' }]);
    expect(await entryOf(originalId)).toMatchObject({ status: 'recalled' });
    expect(await sql(`SELECT status FROM register_entry WHERE id = $1`, [lookalike.id])).toEqual([
      { status: 'received' },
    ]);
  });

  it('takes a document back on status 13 from its sender (held if it overtakes it), answering 15; not for another agency', async () => {
    const takeBack = (documentId: string, from = DEMO_CENTRAL_CODE) =>
      buildStatusPackageToBuffer(
        {
          // as other systems send it: ResponseFor names the recipient, the document is the sender's
          responseFor: { organId: communeA.code, documentId },
          from: { organId: from, organName: 'Văn phòng Chính phủ' },
          statusCode: '13',
          description: 'Gửi nhầm nơi nhận',
          timestamp: vietnamTimestamp(new Date()),
        },
        { signer: vpcp },
      ).then((b) => b.xml);
    const state = async (id: string) =>
      (
        await sql<{ state: string; error_code: string | null }>(
          `SELECT state, error_code FROM exchange_inbound WHERE consignment_id = $1`,
          [id],
        )
      )[0];

    // arrives first: held, then applied with the document
    const early = documentInput();
    const earlyTakeBack = randomUUID();
    expect((await push(earlyTakeBack, await takeBack(early.header.documentId!))).status).toBe(200);
    await processWorker.tick();
    expect(await state(earlyTakeBack)).toEqual({ state: 'held', error_code: null });
    const earlyId = randomUUID();
    await push(earlyId, await pack(early));
    await processWorker.tick();
    await processWorker.tick();
    expect(await entryOf(earlyId)).toMatchObject({ status: 'recalled' });
    expect(await state(earlyTakeBack)).toEqual({ state: 'processed', error_code: null });
    expect(await statusesSentFor(earlyTakeBack)).toEqual([{ status_code: '15', state: 'queued' }]);
    const [returned] = await sql<{ return_reason: string }>(
      `SELECT return_reason FROM register_entry WHERE id = $1`,
      [(await entryOf(earlyId)).id],
    );
    expect(returned.return_reason).toBe('Gửi nhầm nơi nhận');

    // from an agency that did not send the document: refused, the entry stays
    const kept = documentInput();
    const keptId = randomUUID();
    await push(keptId, await pack(kept));
    await processWorker.tick();
    const foreign = randomUUID();
    expect((await push(foreign, await takeBack(kept.header.documentId!, DEMO_PROVINCE_CODE))).status).toBe(
      200,
    );
    await processWorker.tick();
    expect(await state(foreign)).toEqual({ state: 'rejected', error_code: 'EXCHANGE_SENDER_NOT_AUTHORISED' });
    expect(await entryOf(keptId)).toMatchObject({ status: 'received' });
    expect(await statusesSentFor(foreign)).toEqual([]);
  });

  it('takes statuses only for what it sent, to the agency that reports, once each, never backwards', async () => {
    const { deliveryId, documentIdentifier } = await insertExchangeDelivery(server.db.dataSource, {
      senderAgencyId: district.id,
      senderCode: district.code,
      organId: DEMO_CENTRAL_CODE,
      organName: 'Văn phòng Chính phủ',
      number: 90,
    });
    const status = (code: '01' | '03', from = DEMO_CENTRAL_CODE, documentId = documentIdentifier) =>
      buildStatusPackageToBuffer(
        {
          responseFor: { organId: district.code, documentId },
          from: { organId: from, organName: 'Văn phòng Chính phủ' },
          statusCode: code,
          timestamp: vietnamTimestamp(new Date()),
        },
        { signer: vpcp },
      ).then((b) => b.xml);

    const never = await push(
      statusConsignmentId(randomUUID(), '01', 0),
      await status('01', DEMO_CENTRAL_CODE, 'x,2026/01/01,01/X'),
    );
    expect(never).toMatchObject({ status: 422, json: { code: 'EXCHANGE_STATUS_NOT_APPLICABLE' } });
    const notRecipient = await push(
      statusConsignmentId(deliveryId, '01', 0),
      await status('01', '000.01.00.G22'),
    );
    expect(notRecipient).toMatchObject({ status: 422, json: { code: 'EXCHANGE_STATUS_NOT_APPLICABLE' } });
    const guessedId = await push(randomUUID(), await status('01'));
    expect(guessedId.json.code).toBe('EXCHANGE_STATUS_NOT_APPLICABLE');

    const s03 = await status('03');
    expect((await push(statusConsignmentId(deliveryId, '03', 0), s03)).status).toBe(200);
    expect((await push(statusConsignmentId(deliveryId, '03', 0), s03)).status).toBe(200);
    expect((await push(statusConsignmentId(deliveryId, '01', 0), await status('01'))).status).toBe(200);
    await processWorker.tick();
    const [delivery] = await sql<{ state: string; status_code: string }>(
      `SELECT state, status_code FROM delivery WHERE id = $1`,
      [deliveryId],
    );
    expect(delivery).toEqual({ state: 'delivered', status_code: '03' });
    const history = await sql<{ code: string }>(
      `SELECT code FROM delivery_status WHERE delivery_id = $1 ORDER BY code`,
      [deliveryId],
    );
    expect(history.map((h) => h.code)).toEqual(['01', '03']);
  });
});
