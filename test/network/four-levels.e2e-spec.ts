import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CENTRAL_CODE, demoCommuneCode } from '@vanthu/directory';
import { runCli } from '@vanthu/test-kit/server-process';
import {
  agencyOf,
  CENTRAL_NODE,
  Cluster,
  demoPeople,
  DISTRICT_NODE,
  inbox,
  issueDocument,
  NATIONAL_HUB,
  ok,
  peerRequest,
  PROVINCE_HUB,
  waitFor,
} from '@vanthu/test-kit/cluster';
import { nd30Pdf } from '../../libs/signing/test-fixtures/nd30-document';

const EA_DRANG = demoCommuneCode(1);
const VPCP = demoPeople('vpcp');
const XA = demoPeople('eadrang');
const IN_A_WEEK = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

type Delivery = {
  id: string;
  organId: string;
  business: string;
  state: string;
  statusCode: string | null;
  statuses: { code: string }[];
};

/**
 * The seed's four levels as four OS processes, each with its own embedded PostgreSQL (issue 16):
 * the Government Office's node sends to a commune of Ea H'Leo through the national and the Đắk Lắk
 * hubs (the district node polls its hub), the commune's handling comes back as statuses, its reply
 * travels the other way, and a recall and a replacement follow the same road.
 */
describe('four levels: central node → national hub → province hub → district node, and back', () => {
  let cluster: Cluster;
  let central: ReturnType<Cluster['get']>;
  let district: ReturnType<Cluster['get']>;
  let g22: string;
  let commune: string;

  beforeAll(async () => {
    // a recording proxy where the central node reaches the national hub: it can hold packages back
    cluster = await Cluster.start({ proxies: [{ from: CENTRAL_NODE, to: NATIONAL_HUB }] });
    central = cluster.get(CENTRAL_NODE);
    district = cluster.get(DISTRICT_NODE);
    g22 = await agencyOf(central, VPCP.clerk);
    commune = await agencyOf(district, XA.clerk);
  }, 900_000);
  afterAll(() => cluster?.stop(), 120_000);
  afterEach(() => {
    if (cluster) cluster.proxy(CENTRAL_NODE, NATIONAL_HUB).down = false;
  });

  const sentDeliveries = async (entryId: string): Promise<Delivery[]> =>
    (await ok(central, VPCP.clerk, 'get', `/api/v1/agencies/${g22}/entries/${entryId}`)).deliveries;

  async function issueToCommune(subject: string) {
    const leader = await ok(central, VPCP.leader, 'get', '/api/v1/auth/me');
    return issueDocument(central, g22, VPCP, cluster.signingPassphrase(VPCP.leader), {
      subject,
      recipients: [EA_DRANG],
      pdf: await nd30Pdf({ signerName: leader.fullName }),
    });
  }

  async function arrivedAtCommune(numberNotation: string) {
    return waitFor(`${numberNotation} in Ea Drăng's inbox`, async () =>
      (await inbox(district, XA.clerk, commune)).find((e) => e.numberNotation === numberNotation),
    );
  }

  it('delivers to the commune through both hubs; 01, 03, 04, 05 and 06 come back and the reply reaches the centre', async () => {
    const issued = await issueToCommune('Về việc triển khai liên thông văn bản điện tử bốn cấp năm 2026');
    const arrived = await arrivedAtCommune(issued.numberNotation);
    const detail = await ok(district, XA.clerk, 'get', `/api/v1/agencies/${commune}/entries/${arrived.id}`);
    expect(detail).toMatchObject({
      status: 'received',
      source: 'exchange',
      organId: DEMO_CENTRAL_CODE,
      subject: 'Về việc triển khai liên thông văn bản điện tử bốn cấp năm 2026',
      verificationVerdict: 'valid',
    });

    // it went through both hubs, bytes unchanged: the same package hash at each hop
    const [delivery] = await sentDeliveries(issued.id);
    const hops = await Promise.all(
      [NATIONAL_HUB, PROVINCE_HUB, DISTRICT_NODE].map(async (name) => {
        const [row] = await cluster.get(name).sql<{ sha256: string; received_from: string }>(
          `SELECT i.sha256, p.name AS received_from FROM exchange_inbound i
               JOIN exchange_peer p ON p.id = i.received_from_peer WHERE i.consignment_id = $1`,
          [delivery.id],
        );
        return row;
      }),
    );
    expect(hops.map((h) => h.received_from)).toEqual([CENTRAL_NODE, NATIONAL_HUB, PROVINCE_HUB]);
    expect(new Set(hops.map((h) => h.sha256)).size).toBe(1);
    const [mailbox] = await cluster
      .get(PROVINCE_HUB)
      .sql<{ state: string }>(`SELECT state FROM exchange_mailbox WHERE consignment_id = $1`, [delivery.id]);
    expect(mailbox.state).toBe('acked');

    await waitFor(
      'status 01 at the central node',
      async () => (await sentDeliveries(issued.id))[0].statusCode === '01',
    );

    // the commune registers (03), its leader assigns (04), the specialist reports progress (05)
    const incoming = `/api/v1/agencies/${commune}/incoming/${arrived.id}`;
    const registered = await ok(district, XA.clerk, 'post', `${incoming}/register`, {
      version: detail.version,
    });
    const specialist = await ok(district, XA.specialist, 'get', '/api/v1/auth/me');
    await ok(district, XA.leader, 'post', `${incoming}/assign`, {
      version: registered.version,
      lead: {
        userId: specialist.userId,
        deadline: IN_A_WEEK,
        instructions: 'Đồng chí chủ trì tham mưu triển khai',
      },
    });
    await ok(district, XA.specialist, 'post', `${incoming}/notes`, {
      kind: 'progress',
      body: 'Đang rà soát hạ tầng',
    });

    // the reply closes it (06) and travels the other way: district node → both hubs → central node
    const leaderXa = await ok(district, XA.leader, 'get', '/api/v1/auth/me');
    const reply = await issueDocument(district, commune, XA, cluster.signingPassphrase(XA.leader), {
      subject: 'Báo cáo kết quả triển khai liên thông văn bản điện tử',
      typeCode: 'BC',
      recipients: [DEMO_CENTRAL_CODE],
      pdf: await nd30Pdf({ signerName: leaderXa.fullName }),
      replyToEntryId: arrived.id,
    });
    const final = await waitFor('status 06 at the central node', async () => {
      const [d] = await sentDeliveries(issued.id);
      return d.statusCode === '06' ? d : undefined;
    });
    // each status once; 04 and 05 travel as two packages and may arrive in either order (the
    // delivery's status never goes back, the history lists them as they arrived)
    expect(final.statuses.map((s) => s.code).sort()).toEqual(['01', '03', '04', '05', '06']);
    const replyHere = await waitFor('the reply in the central inbox', async () =>
      (await inbox(central, VPCP.clerk, g22)).find((e) => e.numberNotation === reply.numberNotation),
    );
    expect(replyHere).toMatchObject({ organId: EA_DRANG });
  }, 600_000);

  it('a recall follows the same road: the commune keeps only the record, status 15 comes back', async () => {
    const issued = await issueToCommune('Về việc tổ chức hội nghị trực tuyến (sẽ thu hồi)');
    const arrived = await arrivedAtCommune(issued.numberNotation);
    await waitFor('status 01', async () => (await sentDeliveries(issued.id))[0].statusCode === '01');
    const entry = await ok(central, VPCP.clerk, 'get', `/api/v1/agencies/${g22}/entries/${issued.id}`);
    await ok(central, VPCP.clerk, 'post', `/api/v1/agencies/${g22}/outgoing/${issued.id}/recall`, {
      version: entry.version,
      reason: 'Ban hành nhầm đối tượng',
    });
    const recalled = await waitFor('the recall at the commune', async () => {
      const e = await ok(district, XA.clerk, 'get', `/api/v1/agencies/${commune}/entries/${arrived.id}`);
      return e.status === 'recalled' ? e : undefined;
    });
    expect(recalled.files).toEqual([]);
    expect(recalled.subject).not.toContain('hội nghị');
    const revoke = await waitFor('status 15 for the recall at the central node', async () =>
      (await sentDeliveries(issued.id)).find((d) => d.business === 'revoke' && d.statusCode === '15'),
    );
    expect(revoke.organId).toBe(EA_DRANG);
  }, 600_000);

  it('a replacement follows the same road: the commune gets the new document, the old one is marked replaced', async () => {
    const old = await issueToCommune('Về việc báo cáo số liệu quý I (bản cũ)');
    const oldHere = await arrivedAtCommune(old.numberNotation);
    const replacement = await issueToCommune('Về việc báo cáo số liệu quý I (bản thay thế)');
    const newHere = await arrivedAtCommune(replacement.numberNotation);
    const entry = await ok(central, VPCP.clerk, 'get', `/api/v1/agencies/${g22}/entries/${old.id}`);
    await ok(central, VPCP.clerk, 'post', `/api/v1/agencies/${g22}/outgoing/${old.id}/replace`, {
      version: entry.version,
      replacementEntryId: replacement.id,
      reason: 'Sai số liệu tại phụ lục',
    });
    const replaced = await waitFor('the replacement at the commune', async () => {
      const e = await ok(district, XA.clerk, 'get', `/api/v1/agencies/${commune}/entries/${oldHere.id}`);
      return e.status !== 'received' ? e : undefined;
    });
    // ND30: the replaced document is destroyed at the recipient, the record says it was replaced
    expect(replaced).toMatchObject({ status: 'recalled', files: [] });
    expect(replaced.subject).toMatch(/thay thế/);
    const stillThere = await ok(
      district,
      XA.clerk,
      'get',
      `/api/v1/agencies/${commune}/entries/${newHere.id}`,
    );
    expect(stillThere.status).toBe('received');
    const answered = await waitFor('status 15 for the replacement at the central node', async () =>
      (await sentDeliveries(old.id)).find((d) => d.business === 'replace' && d.statusCode === '15'),
    );
    expect(answered.organId).toBe(EA_DRANG);
  }, 600_000);

  /**
   * Issues with the road to the national hub closed: the package is built and stored at the central
   * node, not sent, until `release()`.
   */
  async function heldPackage(subject: string) {
    const proxy = cluster.proxy(CENTRAL_NODE, NATIONAL_HUB);
    proxy.down = true;
    const release = () => {
      proxy.down = false;
    };
    try {
      const issued = await issueToCommune(subject);
      const [delivery] = await sentDeliveries(issued.id);
      const outbound = await waitFor('the package built at the central node', async () => {
        const [row] = await central.sql<{ storage_key: string; sha256: string }>(
          `SELECT storage_key, sha256 FROM exchange_outbound WHERE consignment_id = $1`,
          [delivery.id],
        );
        return row;
      });
      const bytes = central.storedObject(outbound.storage_key);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(outbound.sha256);
      return { issued, consignmentId: delivery.id, bytes, release };
    } catch (error) {
      release();
      throw error;
    }
  }

  it('the same consignment 100 times at once and 100 times after a restart: one entry, one receipt byte-identical in every answer', async () => {
    const { issued, consignmentId, bytes, release } = await heldPackage(
      'Về việc gửi trùng gói tin (thử nghiệm)',
    );
    release(); // the hub may get it from the central node too: the same bytes, the same receipt
    const hub = cluster.get(NATIONAL_HUB);
    const asCentral = central.credentials();
    const put = () =>
      peerRequest(hub.url, asCentral, 'PUT', `/exchange/v1/consignments/${consignmentId}`, bytes);

    // the first copy ever seen by the hub arrives 100 times at once
    const first = await Promise.all(Array.from({ length: 100 }, put));
    expect(first.map((r) => r.status)).toEqual(Array(100).fill(200));
    const receipt = first[0].text;
    expect(first.every((r) => r.text === receipt)).toBe(true);
    expect(JSON.parse(receipt)).toMatchObject({ consignmentId, receiver: NATIONAL_HUB });

    await hub.kill9();
    await hub.start();
    const second = await Promise.all(Array.from({ length: 100 }, put));
    expect(second.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(second.every((r) => r.text === receipt)).toBe(true);
    const asked = await peerRequest(
      hub.url,
      asCentral,
      'GET',
      `/exchange/v1/consignments/${consignmentId}/receipt`,
    );
    expect(asked.text).toBe(receipt);

    // the same id with other bytes is refused
    const other = Buffer.from(
      bytes.toString('latin1').replace('</edXML:edXMLEnvelope>', ' </edXML:edXMLEnvelope>'),
      'latin1',
    );
    const conflict = await peerRequest(
      hub.url,
      asCentral,
      'PUT',
      `/exchange/v1/consignments/${consignmentId}`,
      other,
    );
    expect([conflict.status, (conflict.json as { code: string }).code]).toEqual([
      409,
      'CONSIGNMENT_CONFLICT',
    ]);

    // one arrival at the commune; the central node's own send gets the same receipt
    const arrived = await arrivedAtCommune(issued.numberNotation);
    await waitFor('status 01', async () => (await sentDeliveries(issued.id))[0].statusCode === '01');
    const [sent] = await central.sql<{ state: string; receipt: string }>(
      `SELECT state, receipt FROM exchange_outbound WHERE consignment_id = $1`,
      [consignmentId],
    );
    expect(sent.state).toBe('sent');
    expect(JSON.parse(sent.receipt)).toEqual(JSON.parse(receipt));
    for (const name of [NATIONAL_HUB, PROVINCE_HUB, DISTRICT_NODE]) {
      const [{ n }] = await cluster
        .get(name)
        .sql<{ n: number }>(`SELECT count(*)::int AS n FROM exchange_inbound WHERE consignment_id = $1`, [
          consignmentId,
        ]);
      expect([name, n]).toEqual([name, 1]);
    }
    const entries = await district.sql<{ id: string }>(
      `SELECT id FROM register_entry WHERE source_delivery_id = $1`,
      [consignmentId],
    );
    expect(entries.map((e) => e.id)).toEqual([arrived.id]);
  }, 600_000);

  it('tampered packages are refused at the first hop with the reason, and nothing is kept or delivered', async () => {
    // held back for the whole test: no installation has seen these bytes
    const { bytes } = await heldPackage('Về việc kiểm tra gói tin bị sửa (thử nghiệm)');
    const text = bytes.toString('utf8');
    const national = cluster.get(NATIONAL_HUB);
    const province = cluster.get(PROVINCE_HUB);
    const inboxBefore = (await inbox(district, XA.clerk, commune)).length;
    const storedAt = (name: string) => countObjects(join(cluster.get(name).layout.dataDir, 'objects'));
    const before = {
      [NATIONAL_HUB]: await national.sql<{ n: number }>('SELECT count(*)::int AS n FROM exchange_inbound'),
      [PROVINCE_HUB]: await province.sql<{ n: number }>('SELECT count(*)::int AS n FROM exchange_inbound'),
    };
    const objectsBefore = { [NATIONAL_HUB]: storedAt(NATIONAL_HUB), [PROVINCE_HUB]: storedAt(PROVINCE_HUB) };

    const subject = /(<edXML:Subject>)([^<]*)(<\/edXML:Subject>)/;
    expect(text).toMatch(subject);
    const encoded = /(<edXML:ContentTransferEncoded>)([A-Za-z0-9+/=\s]{200,})/;
    expect(text).toMatch(encoded);
    const certificate = /(<(?:ds:)?X509Certificate>)([^<]+)(<\/(?:ds:)?X509Certificate>)/;
    expect(text).toMatch(certificate);
    const otherCertificate = district.credentials().certificate.toString('base64');

    const variants: [string, Buffer][] = [
      ['subject changed', Buffer.from(text.replace(subject, '$1Về việc chuyển tiền gấp vào tài khoản lạ$3'))],
      [
        'attachment byte flipped',
        Buffer.from(
          text.replace(encoded, (_, open: string, body: string) => {
            const i = Math.floor(body.length / 2);
            const flipped = body[i] === 'A' ? 'B' : 'A';
            return open + body.slice(0, i) + flipped + body.slice(i + 1);
          }),
        ),
      ],
      ['certificate swapped', Buffer.from(text.replace(certificate, `$1${otherCertificate}$3`))],
    ];
    const asCentral = central.credentials();
    for (const [what, tampered] of variants) {
      const res = await peerRequest(
        national.url,
        asCentral,
        'PUT',
        `/exchange/v1/consignments/${randomUUID()}`,
        tampered,
      );
      expect([what, res.status, (res.json as { code: string }).code]).toEqual([
        what,
        422,
        'EXCHANGE_SIGNATURE_INVALID',
      ]);
      expect((res.json as { message: string }).message).toMatch(/chữ ký/i);
    }

    // a package signed by the district node's identity (valid, in the network) claiming to be from
    // the Government Office: the district's certificate names 000.00.12.H15 only
    const forged = await packSignedBy(cluster.get(DISTRICT_NODE).identity, {
      from: { organId: DEMO_CENTRAL_CODE, organName: 'Văn phòng Chính phủ' },
      to: [{ organId: EA_DRANG, organName: 'UBND thị trấn Ea Drăng' }],
    });
    const asDistrict = district.credentials();
    const claimed = await peerRequest(
      province.url,
      asDistrict,
      'PUT',
      `/exchange/v1/consignments/${randomUUID()}`,
      forged,
    );
    expect([claimed.status, (claimed.json as { code: string }).code]).toEqual([
      403,
      'EXCHANGE_SENDER_NOT_AUTHORISED',
    ]);
    // and the district node relaying the central node's genuine package as its own
    const relayed = await peerRequest(
      province.url,
      asDistrict,
      'PUT',
      `/exchange/v1/consignments/${randomUUID()}`,
      bytes,
    );
    expect([relayed.status, (relayed.json as { code: string }).code]).toEqual([
      403,
      'EXCHANGE_SENDER_NOT_AUTHORISED',
    ]);

    // nothing kept at either hub (rows or stored bytes), nothing in the commune's inbox
    expect(await national.sql('SELECT count(*)::int AS n FROM exchange_inbound')).toEqual(
      before[NATIONAL_HUB],
    );
    expect(await province.sql('SELECT count(*)::int AS n FROM exchange_inbound')).toEqual(
      before[PROVINCE_HUB],
    );
    expect(storedAt(NATIONAL_HUB)).toBe(objectsBefore[NATIONAL_HUB]);
    expect(storedAt(PROVINCE_HUB)).toBe(objectsBefore[PROVINCE_HUB]);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await inbox(district, XA.clerk, commune)).length).toBe(inboxBefore);
  }, 600_000);
});

/** Stored objects of a filesystem storage (its tmp folder apart). */
function countObjects(root: string): number {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'tmp')
    .reduce((n, d) => n + readdirSync(join(root, d.name)).length, 0);
}

/** An edoc package built and signed with `vanthu edxml pack` by an installation's identity. */
async function packSignedBy(
  identity: { p12File: string; passwordFile: string },
  addressing: { from: object; to: object[] },
): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-forged-'));
  try {
    writeFileSync(join(dir, 'van-ban.pdf'), await nd30Pdf());
    writeFileSync(
      join(dir, 'metadata.json'),
      JSON.stringify({
        typeCode: 'CV',
        codeNumber: '99',
        codeNotation: 'VPCP-TCCV',
        issuedDate: new Date().toISOString().slice(0, 10),
        subject: 'Về việc chuyển kinh phí gấp (giả mạo)',
        signerInfo: { position: 'Bộ trưởng, Chủ nhiệm', fullName: 'Trần Văn Sơn' },
        ...addressing,
      }),
    );
    const out = join(dir, 'goi-tin.xml');
    const result = await runCli(
      [
        'edxml',
        'pack',
        '--pdf',
        join(dir, 'van-ban.pdf'),
        '--metadata',
        join(dir, 'metadata.json'),
        '--p12',
        identity.p12File,
        '--password-file',
        identity.passwordFile,
        '--out',
        out,
      ],
      {},
    );
    if (result.code !== 0) throw new Error(`edxml pack: ${result.stderr}`);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
