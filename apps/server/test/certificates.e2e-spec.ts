import { readFileSync } from 'node:fs';
import { sign, verify, X509Certificate } from 'node:crypto';
import request from 'supertest';
import { UnlockOrganisationKeyUseCase, UnlockPersonalKeyUseCase } from '@vanthu/certificates';
import { AuthenticateSessionUseCase, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { renderSealPng } from '@vanthu/signing';
import {
  getTestPki,
  insertAgency,
  insertDistrictAndCommunes,
  insertUser,
  type AgencyRow,
  type TestPki,
  type TestPkiKeyFile,
  ApiSessions,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

class SettableClock extends Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const DAY = 24 * 60 * 60 * 1000;

describe('certificate store over HTTP', () => {
  const clock = new SettableClock();
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let communeB: AgencyRow;
  let notHosted: AgencyRow;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer({}, clock);
    const ds = server.db.dataSource;
    ({ district, communeA, communeB } = await insertDistrictAndCommunes(ds));
    notHosted = await insertAgency(ds, {
      code: '000.05.12.H15',
      name: 'UBND xã Ea Wy',
      parentId: district.id,
      hosted: false,
    });
    const users: [string, AgencyRow, ('admin' | 'clerk' | 'leader' | 'specialist')[]][] = [
      ['d.admin', district, ['admin']],
      ['d.leader', district, ['leader']],
      ['a.admin', communeA, ['admin']],
      ['a.clerk', communeA, ['clerk']],
      ['a.leader', communeA, ['leader']],
      ['a.leader2', communeA, ['leader']],
      ['a.spec', communeA, ['specialist']],
      ['b.clerk', communeB, ['clerk']],
      ['b.leader', communeB, ['leader']],
      ['x.admin', notHosted, ['admin']],
    ];
    for (const [username, agency, roles] of users) {
      ids[username] = (await insertUser(ds, { agencyId: agency.id, username, roles })).id;
    }
  });
  afterAll(() => server.close());

  const http = () => request(server.url);
  let api: ApiSessions | undefined;
  const sessions = () => (api ??= new ApiSessions(server.url));
  const token = (username: string) => sessions().token(username);
  async function principal(username: string): Promise<Principal> {
    return server.app.get(AuthenticateSessionUseCase).execute(await token(username));
  }
  /** Sessions are stamped with the clock: moving it far ahead means logging in again. */
  function setClock(offsetMs: number): void {
    clock.offsetMs = offsetMs;
    sessions().clear();
  }
  async function upload(
    username: string,
    path: string,
    file: Buffer | undefined,
    fields: Record<string, string>,
  ) {
    const req = http()
      .post(path)
      .set('Authorization', `Bearer ${await token(username)}`);
    for (const [name, value] of Object.entries(fields)) req.field(name, value);
    if (file) req.attach('file', file, 'key.p12');
    return req;
  }
  const p12 = (file: { path: string }) => readFileSync(file.path);
  const pkcs8 = (file: TestPkiKeyFile) => file.identity.privateKey.export({ type: 'pkcs8', format: 'der' });

  /** Every row of every table as text (bytea as hex): what a database dump would show. */
  async function databaseDump(): Promise<string> {
    const ds = server.db.dataSource;
    const tables: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const rows: { t: string }[] = await ds.query(`SELECT t::text AS t FROM "${table_name}" t`);
      parts.push(...rows.map((r) => r.t));
    }
    return parts.join('\n');
  }
  async function rowBytes(id: string): Promise<Buffer> {
    const [row] = await server.db.dataSource.query('SELECT * FROM certificate WHERE id = $1', [id]);
    const flat = (v: unknown): Buffer[] =>
      Buffer.isBuffer(v) ? [v] : Array.isArray(v) ? v.flatMap(flat) : [Buffer.from(String(v))];
    return Buffer.concat(Object.values(row as object).flatMap(flat));
  }
  function signsAndVerifies(identity: {
    privateKey: Parameters<typeof sign>[2];
    certificate: Buffer;
  }): boolean {
    const data = Buffer.from('Quyết định số 12/QĐ-UBND');
    const signature = sign('sha256', data, identity.privateKey);
    return verify('sha256', data, new X509Certificate(identity.certificate).publicKey, signature);
  }

  describe('importing', () => {
    it('an admin imports the organisation certificate: public facts back, no key or passphrase anywhere', async () => {
      const org = pki.organisations[0];
      const res = await upload(
        'a.admin',
        `/api/v1/agencies/${communeA.id}/certificates/organisation`,
        p12(org),
        {
          passphrase: org.passphrase,
        },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        agencyId: communeA.id,
        kind: 'organisation',
        ownerUserId: null,
        subject: org.subject,
        serialNumber: org.serialNumber,
        status: 'active',
        expired: false,
        expiresSoon: false,
      });
      expect(res.body.issuer).toContain('vanthu Demo Issuing CA');
      expect(Date.parse(res.body.notAfter)).toBeGreaterThan(Date.now());
      ids.orgA = res.body.id;

      const key = pkcs8(org);
      const body = JSON.stringify(res.body);
      expect(body).not.toMatch(/sealed|privateKey|passphrase|pkcs/i);
      expect(body).not.toContain(org.passphrase);
      expect(body).not.toContain(key.toString('base64'));
      const row = await rowBytes(ids.orgA);
      expect(row.includes(key)).toBe(false);
      expect(row.includes(Buffer.from(org.passphrase))).toBe(false);
      const dump = await databaseDump();
      expect(dump).not.toContain(key.toString('hex'));
      expect(dump).not.toContain(org.passphrase);
      expect(dump).toContain('certificate.imported');
    });

    it('a person imports their own P12: the P12 is sealed, the passphrase kept nowhere', async () => {
      const person = pki.people[0];
      const res = await upload(
        'a.leader',
        `/api/v1/agencies/${communeA.id}/certificates/personal`,
        p12(person),
        {
          passphrase: person.passphrase,
        },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'personal',
        ownerUserId: ids['a.leader'],
        subject: person.subject,
      });
      ids.personalA = res.body.id;
      const row = await rowBytes(ids.personalA);
      expect(row.includes(p12(person))).toBe(false);
      expect(row.includes(pkcs8(person))).toBe(false);
      expect(row.includes(Buffer.from(person.passphrase))).toBe(false);
      const dump = await databaseDump();
      expect(dump).not.toContain(p12(person).toString('hex'));
      expect(dump).not.toContain(person.passphrase);
    });

    it('an admin imports a personal certificate for someone of the agency; others may not', async () => {
      const person = pki.people[1];
      const path = `/api/v1/agencies/${communeA.id}/certificates/personal`;
      const forbidden = await upload('a.leader', path, p12(person), {
        passphrase: person.passphrase,
        userId: ids['a.leader2'],
      });
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
      const elsewhere = await upload('a.admin', path, p12(person), {
        passphrase: person.passphrase,
        userId: ids['b.clerk'],
      });
      expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'USER_NOT_FOUND']);
      const res = await upload('a.admin', path, p12(person), {
        passphrase: person.passphrase,
        userId: ids['a.leader2'],
      });
      expect(res.status).toBe(201);
      expect(res.body.ownerUserId).toBe(ids['a.leader2']);
      ids.personalA2 = res.body.id;
    });

    it('refuses a wrong passphrase, a non-P12, a missing file, a duplicate, an expired certificate', async () => {
      const org = pki.organisations[0];
      const path = `/api/v1/agencies/${communeA.id}/certificates/organisation`;
      const wrong = await upload('a.clerk', path, p12(org), { passphrase: 'khong-dung' });
      expect([wrong.status, wrong.body.code]).toEqual([400, 'P12_PASSWORD_WRONG']);
      expect(JSON.stringify(wrong.body)).not.toContain('khong-dung');
      const junk = await upload('a.clerk', path, Buffer.from('not a pkcs12'), { passphrase: 'x' });
      expect([junk.status, junk.body.code]).toEqual([400, 'P12_MALFORMED']);
      const none = await upload('a.clerk', path, undefined, { passphrase: 'x' });
      expect([none.status, none.body.code]).toEqual([400, 'FILE_REQUIRED']);
      const twice = await upload('a.clerk', path, p12(org), { passphrase: org.passphrase });
      expect([twice.status, twice.body.code]).toEqual([409, 'CERTIFICATE_DUPLICATE']);
      const expired = await upload('a.clerk', path, p12(pki.expired), { passphrase: pki.expired.passphrase });
      expect([expired.status, expired.body.code]).toEqual([422, 'CERT_EXPIRED']);
      const leader = await upload('a.leader', path, p12(org), { passphrase: org.passphrase });
      expect([leader.status, leader.body.code]).toEqual([403, 'FORBIDDEN']);
      const big = await upload('a.clerk', path, Buffer.alloc(2 * 1024 * 1024), { passphrase: 'x' });
      expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });

    it('the same organisation certificate may serve another agency; agency B cannot touch agency A', async () => {
      const org = pki.organisations[0];
      const intoA = await upload(
        'b.clerk',
        `/api/v1/agencies/${communeA.id}/certificates/organisation`,
        p12(org),
        {
          passphrase: org.passphrase,
        },
      );
      expect([intoA.status, intoA.body.code]).toEqual([404, 'AGENCY_NOT_FOUND']);
      const res = await upload(
        'b.clerk',
        `/api/v1/agencies/${communeB.id}/certificates/organisation`,
        p12(org),
        {
          passphrase: org.passphrase,
        },
      );
      expect(res.status).toBe(201);
      ids.orgB = res.body.id;
      const list = await http()
        .get(`/api/v1/agencies/${communeA.id}/certificates`)
        .set('Authorization', `Bearer ${await token('b.clerk')}`);
      expect(list.status).toBe(404);
    });
  });

  describe('unlocking keys for signing', () => {
    it('a clerk of the agency gets a signing-capable organisation identity', async () => {
      const unlock = server.app.get(UnlockOrganisationKeyUseCase);
      const identity = await unlock.execute({ principal: await principal('a.clerk'), agencyId: communeA.id });
      expect(identity.certificate.equals(pki.organisations[0].identity.certificate)).toBe(true);
      expect(identity.chain.map((c) => c.length)).toEqual(
        pki.organisations[0].identity.chain.map((c) => c.length),
      );
      expect(signsAndVerifies(identity)).toBe(true);
      const byId = await unlock.execute({
        principal: await principal('a.clerk'),
        agencyId: communeA.id,
        certificateId: ids.orgA,
      });
      expect(signsAndVerifies(byId)).toBe(true);
    });

    it('nobody else unlocks the organisation key: another agency 404, a non-clerk 403', async () => {
      const unlock = server.app.get(UnlockOrganisationKeyUseCase);
      const attempt = async (username: string, agencyId: string, certificateId?: string) =>
        unlock.execute({ principal: await principal(username), agencyId, certificateId }).catch((e) => e);
      expect(await attempt('b.clerk', communeA.id, ids.orgA)).toMatchObject({
        code: 'AGENCY_NOT_FOUND',
        status: 404,
      });
      expect(await attempt('b.clerk', communeB.id, ids.orgA)).toMatchObject({
        code: 'CERTIFICATE_NOT_FOUND',
        status: 404,
      });
      expect(await attempt('a.admin', communeA.id)).toMatchObject({ code: 'FORBIDDEN', status: 403 });
      expect(await attempt('a.leader', communeA.id)).toMatchObject({ code: 'FORBIDDEN', status: 403 });
      expect(await attempt('a.clerk', communeA.id, ids.personalA)).toMatchObject({
        code: 'CERTIFICATE_WRONG_KIND',
      });
    });

    it('a personal key opens only for its owner and only with the right passphrase', async () => {
      const unlock = server.app.get(UnlockPersonalKeyUseCase);
      const person = pki.people[0];
      const attempt = async (username: string, certificateId: string, passphrase: string) =>
        unlock.execute({ principal: await principal(username), certificateId, passphrase }).catch((e) => e);
      const identity = await unlock.execute({
        principal: await principal('a.leader'),
        certificateId: ids.personalA,
        passphrase: person.passphrase,
      });
      expect(signsAndVerifies(identity)).toBe(true);
      expect(identity.certificate.equals(person.identity.certificate)).toBe(true);
      for (const other of ['a.leader2', 'a.admin', 'a.clerk', 'b.leader']) {
        expect(await attempt(other, ids.personalA, person.passphrase)).toMatchObject({
          code: 'CERTIFICATE_NOT_FOUND',
          status: 404,
        });
      }
      const wrong = await attempt('a.leader', ids.personalA, 'sai-mat-khau');
      expect(wrong).toMatchObject({ code: 'P12_PASSWORD_WRONG' });
      expect(JSON.stringify(wrong) + (wrong as Error).message).not.toContain('sai-mat-khau');
      const [{ n }] = await server.db.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'certificate.unlock_failed' AND subject_id = $1`,
        [ids.personalA],
      );
      expect(n).toBe(1);
      expect(await attempt('a.leader', ids.orgA, 'x')).toMatchObject({ code: 'CERTIFICATE_WRONG_KIND' });
      expect(await attempt('b.leader', ids.orgA, 'x')).toMatchObject({ code: 'CERTIFICATE_NOT_FOUND' });
    });
  });

  describe('validity and the expiry warning', () => {
    afterAll(() => setClock(0));

    async function listed(id: string) {
      const res = await http()
        .get(`/api/v1/agencies/${communeA.id}/certificates`)
        .set('Authorization', `Bearer ${await token('a.spec')}`)
        .expect(200);
      return res.body.items.find((c: { id: string }) => c.id === id);
    }

    it('lists subject, issuer, serial and validity, warning 30 days ahead and flagging expiry', async () => {
      const now = await listed(ids.orgA);
      expect(now).toMatchObject({
        expiresSoon: false,
        expired: false,
        serialNumber: pki.organisations[0].serialNumber,
      });
      const notAfter = Date.parse(now.notAfter);

      setClock(notAfter - 31 * DAY - Date.now());
      expect(await listed(ids.orgA)).toMatchObject({ expiresSoon: false, expired: false, daysLeft: 31 });
      setClock(notAfter - 10 * DAY - Date.now());
      expect(await listed(ids.orgA)).toMatchObject({ expiresSoon: true, expired: false, daysLeft: 10 });
      setClock(notAfter + DAY - Date.now());
      expect(await listed(ids.orgA)).toMatchObject({ expiresSoon: false, expired: true, daysLeft: 0 });
      const unlock = server.app.get(UnlockOrganisationKeyUseCase);
      const refused = await unlock
        .execute({ principal: await principal('a.clerk'), agencyId: communeA.id })
        .catch((e) => e);
      expect(refused).toMatchObject({ code: 'CERT_EXPIRED' });
    });
  });

  describe('replacing and revoking', () => {
    it('replace: the new certificate takes over in one step with the seal image, the old one loses its key', async () => {
      const next = pki.organisations[1];
      const seal = renderSealPng('UBND xã Ea Khăl');
      await server.db.dataSource.query('UPDATE certificate SET appearance_png = $2 WHERE id = $1', [
        ids.orgA,
        seal,
      ]);
      const leader = await upload(
        'a.leader',
        `/api/v1/agencies/${communeA.id}/certificates/${ids.orgA}/replace`,
        p12(next),
        { passphrase: 'not-the-passphrase' },
      );
      // refused for the right before anything is said about the file
      expect([leader.status, leader.body.code]).toEqual([403, 'FORBIDDEN']);
      const res = await upload(
        'a.clerk',
        `/api/v1/agencies/${communeA.id}/certificates/${ids.orgA}/replace`,
        p12(next),
        {
          passphrase: next.passphrase,
        },
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'organisation',
        status: 'active',
        serialNumber: next.serialNumber,
      });
      ids.orgA2 = res.body.id;
      const [old] = await server.db.dataSource.query(
        'SELECT status, replaced_by, sealed_key FROM certificate WHERE id = $1',
        [ids.orgA],
      );
      expect(old).toEqual({ status: 'replaced', replaced_by: ids.orgA2, sealed_key: null });
      const [renewed] = await server.db.dataSource.query(
        'SELECT appearance_png FROM certificate WHERE id = $1',
        [ids.orgA2],
      );
      expect(Buffer.from(renewed.appearance_png).equals(seal)).toBe(true);

      const unlock = server.app.get(UnlockOrganisationKeyUseCase);
      const clerk = await principal('a.clerk');
      const current = await unlock.execute({ principal: clerk, agencyId: communeA.id });
      expect(current.certificate.equals(next.identity.certificate)).toBe(true);
      expect(
        await unlock
          .execute({ principal: clerk, agencyId: communeA.id, certificateId: ids.orgA })
          .catch((e) => e),
      ).toMatchObject({
        code: 'CERTIFICATE_REPLACED',
      });
      const again = await upload(
        'a.clerk',
        `/api/v1/agencies/${communeA.id}/certificates/${ids.orgA}/replace`,
        p12(next),
        {
          passphrase: next.passphrase,
        },
      );
      expect(again.body.code).toBe('CERTIFICATE_REPLACED');
    });

    it('revoke: audited, the key erased, unlocking then answers CERTIFICATE_REVOKED', async () => {
      const path = `/api/v1/agencies/${communeA.id}/certificates/${ids.personalA2}/revoke`;
      const other = await http()
        .post(path)
        .set('Authorization', `Bearer ${await token('a.leader')}`)
        .send({ reason: 'x' });
      expect(other.status).toBe(403);
      const empty = await http()
        .post(path)
        .set('Authorization', `Bearer ${await token('a.leader2')}`)
        .send({ reason: ' ' });
      expect(empty.body.code).toBe('VALIDATION_FAILED');
      const res = await http()
        .post(path)
        .set('Authorization', `Bearer ${await token('a.leader2')}`)
        .send({ reason: 'Mất thiết bị lưu khóa' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'revoked', revokedReason: 'Mất thiết bị lưu khóa' });
      const [row] = await server.db.dataSource.query('SELECT sealed_key FROM certificate WHERE id = $1', [
        ids.personalA2,
      ]);
      expect(row.sealed_key).toBeNull();
      const unlock = server.app.get(UnlockPersonalKeyUseCase);
      const refused = await unlock
        .execute({
          principal: await principal('a.leader2'),
          certificateId: ids.personalA2,
          passphrase: pki.people[1].passphrase,
        })
        .catch((e) => e);
      expect(refused).toMatchObject({ code: 'CERTIFICATE_REVOKED' });
      const twice = await http()
        .post(path)
        .set('Authorization', `Bearer ${await token('a.admin')}`)
        .send({ reason: 'x' });
      expect([twice.status, twice.body.code]).toEqual([409, 'CERTIFICATE_REVOKED']);
      const [{ n }] = await server.db.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'certificate.revoked' AND subject_id = $1`,
        [ids.personalA2],
      );
      expect(n).toBe(1);
    });

    it('the organisation key of a revoked certificate cannot be unlocked either', async () => {
      await http()
        .post(`/api/v1/agencies/${communeA.id}/certificates/${ids.orgA2}/revoke`)
        .set('Authorization', `Bearer ${await token('a.clerk')}`)
        .send({ reason: 'Thay đổi con dấu' })
        .expect(200);
      const unlock = server.app.get(UnlockOrganisationKeyUseCase);
      const clerk = await principal('a.clerk');
      expect(
        await unlock
          .execute({ principal: clerk, agencyId: communeA.id, certificateId: ids.orgA2 })
          .catch((e) => e),
      ).toMatchObject({
        code: 'CERTIFICATE_REVOKED',
      });
      expect(await unlock.execute({ principal: clerk, agencyId: communeA.id }).catch((e) => e)).toMatchObject(
        {
          code: 'CERTIFICATE_NOT_FOUND',
        },
      );
    });
  });

  describe('reports', () => {
    it('counts holders of active certificates per level over the hosted tree', async () => {
      // a second personal certificate of the same person counts once; agencies this node does not host are left out
      const ec = pki.ecPerson;
      await upload('a.leader', `/api/v1/agencies/${communeA.id}/certificates/personal`, p12(ec), {
        passphrase: ec.passphrase,
      }).then((r) => expect(r.status).toBe(201));
      const b = pki.people[2];
      await upload('b.leader', `/api/v1/agencies/${communeB.id}/certificates/personal`, p12(b), {
        passphrase: b.passphrase,
      }).then((r) => expect(r.status).toBe(201));
      const org = pki.organisations[1];
      for (const [username, agency] of [
        ['d.admin', district],
        ['x.admin', notHosted],
      ] as const) {
        const r = await upload(
          username,
          `/api/v1/agencies/${agency.id}/certificates/organisation`,
          p12(org),
          {
            passphrase: org.passphrase,
          },
        );
        expect(r.status).toBe(201);
      }
      const report = (username: string, agencyId: string) =>
        token(username).then((t) =>
          http()
            .get(`/api/v1/agencies/${agencyId}/reports/certificates-by-level`)
            .set('Authorization', `Bearer ${t}`),
        );
      const res = await report('d.leader', district.id);
      expect(res.status).toBe(200);
      // district: its organisation certificate; communes: B's organisation (A's was replaced, then revoked);
      // persons: a.leader (two certificates), b.leader; a.leader2's was revoked
      expect(res.body).toEqual([
        { levelLabel: 'Huyện', organisations: 1, persons: 0 },
        { levelLabel: 'Xã', organisations: 1, persons: 2 },
      ]);
      expect((await report('a.admin', communeA.id)).body).toEqual([
        { levelLabel: 'Xã', organisations: 0, persons: 1 },
      ]);
      expect((await report('a.spec', communeA.id)).status).toBe(403);
      expect((await report('b.leader', district.id)).status).toBe(404);
    });
  });

  describe('trust store', () => {
    const anchors = '/api/v1/trust/anchors';
    async function send(username: string, path: string, file: Buffer, fields: Record<string, string> = {}) {
      return upload(username, path, file, fields);
    }

    it('only node administrators (admins of a hosted root) manage trust anchors', async () => {
      const root = readFileSync(pki.rootCertificatePath);
      for (const username of ['a.admin', 'd.leader', 'x.admin']) {
        const denied = await send(username, anchors, root);
        expect([username, denied.status, denied.body.code]).toEqual([username, 403, 'TRUST_STORE_FORBIDDEN']);
        const list = await http()
          .get(anchors)
          .set('Authorization', `Bearer ${await token(username)}`);
        expect(list.status).toBe(403);
      }
      const added = await send('d.admin', anchors, root, { label: 'Demo Root' });
      expect(added.status).toBe(201);
      expect(added.body).toEqual([
        expect.objectContaining({
          label: 'Demo Root',
          subject: expect.stringContaining('vanthu Demo Root CA'),
        }),
      ]);
      const again = await send('d.admin', anchors, pki.rootCertificate);
      expect([again.status, again.body.code]).toEqual([409, 'TRUST_ANCHOR_DUPLICATE']);
      const leaf = await send('d.admin', anchors, pki.people[0].identity.certificate);
      expect([leaf.status, leaf.body.code]).toEqual([400, 'TRUST_ANCHOR_NOT_CA']);
      const junk = await send('d.admin', anchors, Buffer.from('rác'));
      expect([junk.status, junk.body.code]).toEqual([400, 'CERT_MALFORMED']);
      const issuing = await send('d.admin', anchors, pki.issuingCaCertificate);
      expect(issuing.body[0].label).toBe('vanthu Demo Issuing CA');

      const list = await http()
        .get(anchors)
        .set('Authorization', `Bearer ${await token('d.admin')}`)
        .expect(200);
      expect(list.body.items.map((a: { label: string }) => a.label)).toEqual([
        'Demo Root',
        'vanthu Demo Issuing CA',
      ]);
      const id = issuing.body[0].id;
      await http()
        .delete(`${anchors}/${id}`)
        .set('Authorization', `Bearer ${await token('a.admin')}`)
        .expect(403);
      await http()
        .delete(`${anchors}/${id}`)
        .set('Authorization', `Bearer ${await token('d.admin')}`)
        .expect(204);
      await http()
        .delete(`${anchors}/${id}`)
        .set('Authorization', `Bearer ${await token('d.admin')}`)
        .expect(404);
      const after = await http()
        .get(anchors)
        .set('Authorization', `Bearer ${await token('d.admin')}`)
        .expect(200);
      expect(after.body.items).toHaveLength(1);
    });

    it('CRLs: added by node administrators, listed with issuer and dates', async () => {
      const crls = '/api/v1/trust/crls';
      expect((await send('a.admin', crls, pki.issuingCrl)).status).toBe(403);
      const res = await send('d.admin', crls, pki.issuingCrl);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        revokedCount: 1,
        issuer: expect.stringContaining('vanthu Demo Issuing CA'),
      });
      expect((await send('d.admin', crls, pki.issuingCrl)).body.code).toBe('CRL_DUPLICATE');
      expect((await send('d.admin', crls, Buffer.from('rác'))).body.code).toBe('CRL_MALFORMED');
      const list = await http()
        .get(crls)
        .set('Authorization', `Bearer ${await token('d.admin')}`)
        .expect(200);
      expect(list.body.items).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toMatch(/"der"|crlDer/);
    });
  });

  it('answers 401 without a session', async () => {
    const list = await request(server.url).get(`/api/v1/agencies/${communeA.id}/certificates`);
    expect([list.status, list.body.code]).toEqual([401, 'AUTH_REQUIRED']);
    const post = await request(server.url)
      .post(`/api/v1/agencies/${communeA.id}/certificates/organisation`)
      .field('passphrase', 'x')
      .attach('file', Buffer.from('x'), 'a.p12');
    expect(post.status).toBe(401);
    expect((await request(server.url).get('/api/v1/trust/anchors')).status).toBe(401);
  });
});
