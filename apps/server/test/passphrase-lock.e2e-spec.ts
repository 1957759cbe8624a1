import request from 'supertest';
import {
  ApiSessions,
  getTestPki,
  insertDistrictAndCommunes,
  insertUser,
  type AgencyRow,
  type TestPki,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { giveSignature, trustTestPki } from './support/signing-world';

/**
 * Issue 13 §2: the P12 passphrase lock holds whatever the concurrency. 40 sign requests arrive at
 * once; at most 5 passphrases are tried (each tried one leaves an audit event: unlock_failed or
 * unlocked), every other request is refused with P12_LOCKED without a try, and the right
 * passphrase is refused afterwards as well unless it was among the five. A leader signing several
 * documents at once with the right passphrase is never locked by it.
 */
describe('P12 passphrase lock under parallel sign requests (HTTP, real PostgreSQL)', () => {
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let api: ApiSessions;
  let certificateId: string;
  const SIGNER = 'Nguyễn Văn Ấn';

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer();
    ({ district } = await insertDistrictAndCommunes(server.db.dataSource));
    const users: [string, 'specialist' | 'leader', string?][] = [
      ['d.spec', 'specialist'],
      ['d.leader', 'leader', SIGNER],
    ];
    const ids: Record<string, string> = {};
    for (const [username, role, fullName] of users)
      ids[username] = (
        await insertUser(server.db.dataSource, { agencyId: district.id, username, roles: [role], fullName })
      ).id;
    await trustTestPki(server, pki);
    certificateId = await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    api = new ApiSessions(server.url);
    signerUserId = ids['d.leader'];
  });
  afterAll(() => server?.close());

  let signerUserId: string;
  const path = (id: string, action: string) => `/api/v1/agencies/${district.id}/outgoing/${id}${action}`;

  /** A draft taken to 'approved' by its signer, ready to sign. */
  async function approvedDraft(): Promise<{ id: string; version: number }> {
    const created = await request(server.url)
      .post(`/api/v1/agencies/${district.id}/outgoing`)
      .set('Authorization', await api.bearer('d.spec'))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'QD',
          subject: 'Quyết định về việc thử khóa mật khẩu chứng thư số',
          signerUserId,
          recipients: [{ kind: 'paper', organName: 'Lưu văn thư' }],
        }),
      )
      .attach('file', await nd30Pdf({ signerName: SIGNER }), {
        filename: 'Quyết định.pdf',
        contentType: 'application/pdf',
      });
    expect(created.status).toBe(201);
    let version = created.body.version as number;
    for (const [user, decision] of [
      ['d.spec', 'submit'],
      ['d.leader', 'forward'],
      ['d.leader', 'approve'],
    ]) {
      const res = await api.post(user, path(created.body.id, '/decisions'), { version, decision });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    return { id: created.body.id, version };
  }

  type Tried = { failed: number; unlocked: number; signed: number };
  const since = (a: Tried, b: Tried): Tried => ({
    failed: b.failed - a.failed,
    unlocked: b.unlocked - a.unlocked,
    signed: b.signed - a.signed,
  });

  /** Every passphrase tried leaves one event: unlock_failed or unlocked (the signing's own follows). */
  async function triedPassphrases(): Promise<{ failed: number; unlocked: number; signed: number }> {
    const [row] = await server.db.dataSource.query(
      `SELECT count(*) FILTER (WHERE action = 'certificate.unlock_failed' AND subject_id = $1)::int AS failed,
              count(*) FILTER (WHERE action = 'certificate.unlocked' AND subject_id = $1)::int AS unlocked,
              count(*) FILTER (WHERE action = 'outgoing.signed' AND details->>'certificateId' = $1::text)::int AS signed
         FROM audit_event`,
      [certificateId],
    );
    return row;
  }

  it('never locks a leader who signs five documents at once with the right passphrase', async () => {
    const bearer = await api.bearer('d.leader');
    for (let round = 0; round < 2; round++) {
      const targets = await Promise.all(Array.from({ length: 5 }, () => approvedDraft()));
      const answers = await Promise.all(
        targets.map((d) =>
          request(server.url)
            .post(path(d.id, '/sign'))
            .set('Authorization', bearer)
            .send({ version: d.version, passphrase: pki.people[0].passphrase }),
        ),
      );
      expect(answers.map((a) => [a.status, a.body.code])).toEqual(Array(5).fill([200, undefined]));
    }
  });

  it('tries at most 5 of 40 simultaneous passphrases, refuses the rest and then the right one', async () => {
    const target = await approvedDraft();
    const later = await approvedDraft();
    const bearer = await api.bearer('d.leader');
    const before = await triedPassphrases();
    // the right passphrase goes last, as an owner typing it while someone guesses would
    const passphrases = [...Array.from({ length: 39 }, (_, i) => `sai-${i}`), pki.people[0].passphrase];
    const responses = await Promise.all(
      passphrases.map((passphrase) =>
        request(server.url)
          .post(path(target.id, '/sign'))
          .set('Authorization', bearer)
          .send({ version: target.version, passphrase })
          .then((res) => ({ status: res.status, code: res.body.code as string | undefined })),
      ),
    );

    const tried = since(before, await triedPassphrases());
    expect(tried.failed + tried.unlocked).toBe(5);
    expect(tried.signed).toBe(tried.unlocked);
    const locked = responses.filter((r) => r.status === 429 && r.code === 'P12_LOCKED');
    const wrong = responses.filter((r) => r.status === 400 && r.code === 'P12_PASSWORD_WRONG');
    const signed = responses.filter((r) => r.status === 200);
    expect(locked.length + wrong.length + signed.length).toBe(40);
    expect(wrong.length + signed.length).toBeLessThanOrEqual(5);
    expect(locked.length).toBeGreaterThanOrEqual(35);
    expect(signed.length).toBe(tried.signed);

    const right = await api.post('d.leader', path(later.id, '/sign'), {
      version: later.version,
      passphrase: pki.people[0].passphrase,
    });
    if (tried.unlocked === 0) {
      // five wrong ones: the lock stands, the right passphrase on another document is refused untried
      expect([right.status, right.body.code]).toEqual([429, 'P12_LOCKED']);
      expect(right.body.message).toContain('phút');
      expect(since(before, await triedPassphrases())).toEqual(tried);
    } else {
      // the right one was among the five: four wrong ones stand, no lock, and the fifth wrong locks
      expect(right.status).toBe(200);
      const third = await approvedDraft();
      const fifthWrong = await api.post('d.leader', path(third.id, '/sign'), {
        version: third.version,
        passphrase: 'sai-cuoi',
      });
      expect([fifthWrong.status, fifthWrong.body.code]).toEqual([429, 'P12_LOCKED']);
    }
  });
});
