import request from 'supertest';
import { Clock } from '@vanthu/shared';
import {
  ApiSessions,
  getTestPki,
  insertDistrictAndCommunes,
  insertUnit,
  insertUser,
  type AgencyRow,
  type TestPki,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { giveSeal, giveSignature, trustTestPki } from './support/signing-world';

class SystemTime extends Clock {
  now(): Date {
    return new Date();
  }
}

const IN_A_WEEK = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/**
 * The whole flow inside one node (issue 4): the district drafts, its leader signs, its clerk issues
 * and releases to two communes; each commune's clerk registers it, its leader assigns it, a
 * specialist replies and the reply closes it; the district sees the reply linked and every status.
 */
describe('whole flow: district → two communes → reply back', () => {
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let communeB: AgencyRow;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer({}, new SystemTime());
    const ds = server.db.dataSource;
    ({ district, communeA, communeB } = await insertDistrictAndCommunes(ds));
    const vp = await insertUnit(ds, {
      agencyId: district.id,
      code: 'VP',
      name: 'Văn phòng HĐND và UBND',
      abbreviation: 'VP',
    });
    const vpA = await insertUnit(ds, {
      agencyId: communeA.id,
      code: 'VP',
      name: 'Văn phòng - Thống kê',
      abbreviation: 'VP',
    });
    const users: [string, AgencyRow, 'clerk' | 'leader' | 'specialist', string | undefined, string | null][] =
      [
        ['d.spec', district, 'specialist', undefined, vp.id],
        ['d.leader', district, 'leader', pki.people[0].fullName, vp.id],
        ['d.clerk', district, 'clerk', undefined, vp.id],
        ['a.clerk', communeA, 'clerk', undefined, vpA.id],
        ['a.leader', communeA, 'leader', pki.people[1].fullName, vpA.id],
        ['a.spec', communeA, 'specialist', 'Y Bhin Niê', vpA.id],
        ['b.clerk', communeB, 'clerk', undefined, null],
        ['b.leader', communeB, 'leader', undefined, null],
      ];
    for (const [username, agency, role, fullName, unitId] of users) {
      ids[username] = (
        await insertUser(ds, { agencyId: agency.id, username, roles: [role], fullName, unitId })
      ).id;
    }
    api = new ApiSessions(server.url);
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    await giveSeal(server, communeA.id, pki.organisations[1]);
    await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    await giveSignature(server, communeA.id, ids['a.leader'], pki.people[1]);
  });
  afterAll(() => server?.close());

  let api: ApiSessions;
  const auth = (username: string) => api.bearer(username);
  const call = (username: string, method: 'get' | 'post', path: string, body?: object) =>
    method === 'get' ? api.get(username, path) : api.post(username, path, body);
  async function ok(username: string, method: 'get' | 'post', path: string, body?: object) {
    const res = await call(username, method, path, body);
    if (res.status >= 300)
      throw new Error(`${method} ${path} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Draft (with the drafter), review, approve, sign (leader) and issue (clerk): the issued entry. */
  async function sendOut(
    agency: AgencyRow,
    people: { drafter: string; leader: string; clerk: string; passphrase: string },
    meta: object,
    pdf: Buffer,
  ) {
    const base = `/api/v1/agencies/${agency.id}/outgoing`;
    const created = await request(server.url)
      .post(base)
      .set('Authorization', await auth(people.drafter))
      .field('metadata', JSON.stringify(meta))
      .attach('file', pdf, { filename: 'van-ban.pdf', contentType: 'application/pdf' });
    expect(created.status).toBe(201);
    let v = created.body.version;
    for (const [user, decision] of [
      [people.drafter, 'submit'],
      [people.leader, 'forward'],
      [people.leader, 'approve'],
    ]) {
      v = (await ok(user, 'post', `${base}/${created.body.id}/decisions`, { version: v, decision })).version;
    }
    v = (
      await ok(people.leader, 'post', `${base}/${created.body.id}/sign`, {
        version: v,
        passphrase: people.passphrase,
      })
    ).version;
    return ok(people.clerk, 'post', `${base}/${created.body.id}/issue`, { version: v });
  }

  it('delivers, registers, assigns, answers and closes, with every status back at the district', async () => {
    const decision = await sendOut(
      district,
      { drafter: 'd.spec', leader: 'd.leader', clerk: 'd.clerk', passphrase: pki.people[0].passphrase },
      {
        typeCode: 'CV',
        subject: 'Về việc báo cáo tình hình tiếp nhận, xử lý văn bản điện tử năm 2026',
        signerUserId: ids['d.leader'],
        dueDate: IN_A_WEEK,
        recipients: [
          { kind: 'agency', organId: communeA.code },
          { kind: 'agency', organId: communeB.code },
        ],
      },
      await nd30Pdf({ signerName: pki.people[0].fullName }),
    );
    expect(decision.numberNotation).toBe('01/UBND-VP');

    // each commune's clerk sees it in its own inbox only
    const inboxA = await ok('a.clerk', 'get', `/api/v1/agencies/${communeA.id}/incoming/inbox`);
    const inboxB = await ok('b.clerk', 'get', `/api/v1/agencies/${communeB.id}/incoming/inbox`);
    const listA = (Array.isArray(inboxA) ? inboxA : inboxA.items) as { id: string; numberNotation: string }[];
    const listB = (Array.isArray(inboxB) ? inboxB : inboxB.items) as { id: string; numberNotation: string }[];
    expect(listA.map((e) => e.numberNotation)).toEqual(['01/UBND-VP']);
    expect(listB.map((e) => e.numberNotation)).toEqual(['01/UBND-VP']);
    const atA = listA[0].id;
    const atB = listB[0].id;
    expect(atA).not.toBe(atB);
    expect((await call('a.clerk', 'get', `/api/v1/agencies/${communeB.id}/entries/${atB}`)).status).toBe(404);
    expect((await call('a.clerk', 'get', `/api/v1/agencies/${communeA.id}/entries/${atB}`)).status).toBe(404);
    expect((await call('b.leader', 'get', `/api/v1/agencies/${communeA.id}/entries/${atA}`)).status).toBe(
      404,
    );

    // commune A: register (arrival number), assign, progress, reply
    const incoming = `/api/v1/agencies/${communeA.id}/incoming/${atA}`;
    const detailA = await ok('a.clerk', 'get', `/api/v1/agencies/${communeA.id}/entries/${atA}`);
    expect(detailA.verificationVerdict).toBe('valid');
    const registered = await ok('a.clerk', 'post', `${incoming}/register`, { version: detailA.version });
    expect(registered).toMatchObject({ status: 'registered', arrivalNumber: '01' });
    const assigned = await ok('a.leader', 'post', `${incoming}/assign`, {
      version: registered.version,
      lead: { userId: ids['a.spec'], deadline: IN_A_WEEK, instructions: 'Đồng chí chủ trì tham mưu báo cáo' },
    });
    expect(assigned.status).toBe('assigned');
    const notifications = await ok('a.spec', 'get', '/api/v1/notifications?unread=true');
    expect(JSON.stringify(notifications)).toContain(atA);
    await ok('a.spec', 'post', `${incoming}/notes`, { kind: 'progress', body: 'Đang tổng hợp số liệu' });

    const reply = await sendOut(
      communeA,
      { drafter: 'a.spec', leader: 'a.leader', clerk: 'a.clerk', passphrase: pki.people[1].passphrase },
      {
        typeCode: 'BC',
        subject: 'Báo cáo tình hình tiếp nhận, xử lý văn bản điện tử năm 2026',
        signerUserId: ids['a.leader'],
        replyToEntryId: atA,
        recipients: [{ kind: 'agency', organId: district.code }],
      },
      await nd30Pdf({ signerName: pki.people[1].fullName }),
    );
    expect(reply.numberNotation).toBe('01/BC-UBND');

    // the reply closed the commune's entry
    const closed = await ok('a.clerk', 'get', `/api/v1/agencies/${communeA.id}/entries/${atA}`);
    expect(closed).toMatchObject({ status: 'closed', replyEntryId: reply.id });

    // the district sees every status from commune A, none beyond 01 from B, and the reply linked
    const sent = await ok('d.clerk', 'get', `/api/v1/agencies/${district.id}/entries/${decision.id}`);
    const toA = sent.deliveries.find((d: { organName: string }) => d.organName === 'UBND thị trấn Ea Drăng');
    const toB = sent.deliveries.find((d: { organName: string }) => d.organName === 'UBND xã Ea Sol');
    expect(toA.statuses.map((s: { code: string }) => s.code)).toEqual(['01', '03', '04', '05', '06']);
    expect(toB.statuses.map((s: { code: string }) => s.code)).toEqual(['01']);
    expect(sent.replies).toEqual([
      expect.objectContaining({
        numberNotation: '01/BC-UBND',
        organName: 'UBND thị trấn Ea Drăng',
        status: 'received',
      }),
    ]);
    const districtInbox = await ok('d.clerk', 'get', `/api/v1/agencies/${district.id}/incoming/inbox`);
    const districtList = (Array.isArray(districtInbox) ? districtInbox : districtInbox.items) as {
      numberNotation: string;
    }[];
    expect(districtList.map((e) => e.numberNotation)).toEqual(['01/BC-UBND']);

    // commune B never sees commune A's reply or entry
    expect((await call('b.clerk', 'get', `/api/v1/agencies/${communeB.id}/entries/${reply.id}`)).status).toBe(
      404,
    );
  });
});
