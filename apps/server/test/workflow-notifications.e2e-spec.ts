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
import { giveSeal, giveSignature, trustTestPki } from './support/signing-world';

interface Notification {
  id: string;
  kind: string;
  entryId: string | null;
  title: string;
  agencyId: string;
}

/**
 * Issue 14 §3: notifications follow the document, not only assignments. Each step tells the people
 * it hands the document to, once, in the step's own transaction, and never the person who took it.
 */
describe('workflow notifications over HTTP', () => {
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let api: ApiSessions;
  const ids: Record<string, string> = {};
  const SIGNER = 'Nguyễn Văn Ấn';
  const SUBJECT = 'Quyết định ban hành Quy chế công tác văn thư, lưu trữ điện tử';

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer();
    const ds = server.db.dataSource;
    ({ district, communeA } = await insertDistrictAndCommunes(ds));
    for (const [username, agency, roles, fullName] of [
      ['d.spec', district, ['specialist'], undefined],
      ['d.leader', district, ['leader'], SIGNER],
      ['d.leader2', district, ['leader'], undefined],
      ['d.clerk', district, ['clerk'], undefined],
      ['d.clerk2', district, ['clerk', 'specialist'], undefined],
      ['d.retired', district, ['clerk'], undefined],
      ['a.clerk', communeA, ['clerk'], undefined],
      ['a.clerk2', communeA, ['clerk'], undefined],
      ['a.leader', communeA, ['leader'], undefined],
    ] as const)
      ids[username] = (
        await insertUser(ds, { agencyId: agency.id, username, roles: [...roles], fullName })
      ).id;
    await ds.query('UPDATE app_user SET active = false WHERE id = $1', [ids['d.retired']]);
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    api = new ApiSessions(server.url);
  }, 120_000);
  afterAll(() => server?.close());

  const outgoing = (id = '', action = '') =>
    `/api/v1/agencies/${district.id}/outgoing${id ? `/${id}` : ''}${action}`;

  async function notificationsOf(username: string): Promise<Notification[]> {
    const res = await api.get(username, '/api/v1/notifications?limit=200');
    expect(res.status).toBe(200);
    return res.body.items as Notification[];
  }
  /** The kinds of the user's notifications about `entryId`, oldest first. */
  const kindsOf = async (username: string, entryId: string) =>
    (await notificationsOf(username))
      .filter((n) => n.entryId === entryId)
      .reverse()
      .map((n) => n.kind);

  async function draft(drafter = 'd.spec', priority = 'flash'): Promise<{ id: string; version: number }> {
    const res = await request(server.url)
      .post(outgoing())
      .set('Authorization', await api.bearer(drafter))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'QD',
          subject: SUBJECT,
          signerUserId: ids['d.leader'],
          priority,
          recipients: [{ kind: 'agency', organId: communeA.code }],
        }),
      )
      .attach('file', await nd30Pdf({ signerName: SIGNER }), {
        filename: 'Quyết định.pdf',
        contentType: 'application/pdf',
      });
    expect(res.status).toBe(201);
    return { id: res.body.id, version: res.body.version };
  }

  async function decide(user: string, entry: { id: string; version: number }, decision: string) {
    const res = await api.post(user, outgoing(entry.id, '/decisions'), {
      version: entry.version,
      decision,
      comment: decision === 'return' ? 'Đề nghị sửa lại Điều 2' : undefined,
    });
    expect(res.status).toBe(200);
    entry.version = res.body.version;
  }

  it('tells the signer, the drafter, the clerks and the receiving clerks, each once', async () => {
    const entry = await draft();
    expect(await kindsOf('d.leader', entry.id)).toEqual([]);

    await decide('d.spec', entry, 'submit');
    expect(await kindsOf('d.leader', entry.id)).toEqual(['outgoing_submitted']);
    const [submitted] = (await notificationsOf('d.leader')).filter((n) => n.entryId === entry.id);
    expect(submitted).toMatchObject({
      agencyId: district.id,
      title: `[Hỏa tốc] Dự thảo trình ký: ${SUBJECT}`,
    });

    await decide('d.leader2', entry, 'forward');
    await decide('d.leader', entry, 'return');
    expect(await kindsOf('d.spec', entry.id)).toEqual(['outgoing_returned']);
    // submitted again after the correction: news again for the signer
    await decide('d.spec', entry, 'submit');
    await decide('d.leader2', entry, 'forward');
    expect(await kindsOf('d.leader', entry.id)).toEqual([
      'outgoing_submitted',
      'outgoing_forwarded',
      'outgoing_submitted',
      'outgoing_forwarded',
    ]);
    await decide('d.leader', entry, 'approve');
    // the unit head who forwarded is told nothing; approving tells no one (the signer signs next)
    expect(await kindsOf('d.leader2', entry.id)).toEqual([]);
    expect(await kindsOf('d.spec', entry.id)).toEqual(['outgoing_returned']);

    const signed = await api.post('d.leader', outgoing(entry.id, '/sign'), {
      version: entry.version,
      passphrase: pki.people[0].passphrase,
    });
    expect(signed.status).toBe(200);
    for (const clerk of ['d.clerk', 'd.clerk2'])
      expect(await kindsOf(clerk, entry.id)).toEqual(['outgoing_signed']);
    // a deactivated clerk cannot sign in to read it: not told
    const retired = await server.db.dataSource.query('SELECT id FROM notification WHERE user_id = $1', [
      ids['d.retired'],
    ]);
    expect(retired).toEqual([]);
    expect(await kindsOf('d.leader', entry.id)).not.toContain('outgoing_signed');

    const issued = await api.post('d.clerk', outgoing(entry.id, '/issue'), {
      version: signed.body.version,
    });
    expect(issued.status).toBe(200);
    expect(await kindsOf('d.spec', entry.id)).toEqual(['outgoing_returned', 'outgoing_issued']);
    const [issuedNote] = (await notificationsOf('d.spec')).filter((n) => n.kind === 'outgoing_issued');
    expect(issuedNote.title).toBe(`[Hỏa tốc] Văn bản đã phát hành: ${issued.body.numberNotation} ${SUBJECT}`);
    expect(await kindsOf('d.clerk', entry.id)).toEqual(['outgoing_signed']);

    // the commune's clerks find it in their inbox and are told, about their own inbox entry
    const inbox = await api.get('a.clerk', `/api/v1/agencies/${communeA.id}/incoming/inbox`);
    // (a list today; a page with `items` once lists are paged)
    const waiting: { id: string; subject: string }[] = Array.isArray(inbox.body)
      ? inbox.body
      : inbox.body.items;
    const received = waiting.find((i) => i.subject === SUBJECT)!;
    expect(received).toBeDefined();
    for (const clerk of ['a.clerk', 'a.clerk2']) {
      const arrived = (await notificationsOf(clerk)).filter((n) => n.kind === 'incoming_arrived');
      expect(arrived).toEqual([
        expect.objectContaining({
          agencyId: communeA.id,
          entryId: received.id,
          title: `[Hỏa tốc] Văn bản đến chờ vào sổ: ${issued.body.numberNotation} ${SUBJECT} (UBND huyện Ea H'Leo)`,
        }),
      ]);
    }
    expect(await notificationsOf('a.leader')).toEqual([]);
  });

  it('tells no one of a step that was refused (the notification commits with the step)', async () => {
    const entry = await draft('d.spec', 'normal');
    await decide('d.spec', entry, 'submit');
    await decide('d.leader2', entry, 'forward');
    await decide('d.leader', entry, 'approve');
    const ds = server.db.dataSource;
    await ds.query(
      `ALTER TABLE register_entry ADD CONSTRAINT ck_test_refusal CHECK (status <> 'signed') NOT VALID`,
    );
    try {
      const refused = await api.post('d.leader', outgoing(entry.id, '/sign'), {
        version: entry.version,
        passphrase: pki.people[0].passphrase,
      });
      expect(refused.status).toBe(500);
    } finally {
      await ds.query('ALTER TABLE register_entry DROP CONSTRAINT ck_test_refusal');
    }
    expect(await kindsOf('d.clerk', entry.id)).toEqual([]);
    const signed = await api.post('d.leader', outgoing(entry.id, '/sign'), {
      version: entry.version,
      passphrase: pki.people[0].passphrase,
    });
    expect(signed.status).toBe(200);
    expect(await kindsOf('d.clerk', entry.id)).toEqual(['outgoing_signed']);
    const [note] = (await notificationsOf('d.clerk')).filter((n) => n.entryId === entry.id);
    expect(note.title).toBe(`Văn bản đã ký, chờ phát hành: ${SUBJECT}`);
  });

  it('does not tell the people who took the step themselves', async () => {
    // a leader drafts a document they sign themselves, and forwards it themselves
    const entry = await draft('d.leader', 'normal');
    await decide('d.leader', entry, 'submit');
    await decide('d.leader', entry, 'forward');
    expect(await kindsOf('d.leader', entry.id)).toEqual([]);
    await decide('d.leader', entry, 'return');
    expect(await kindsOf('d.leader', entry.id)).toEqual([]);
  });
});
