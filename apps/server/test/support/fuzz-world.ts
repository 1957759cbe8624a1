import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { getTestPki, insertDistrictAndCommunes, insertUser, TEST_PASSWORD } from '@vanthu/test-kit';
import type { TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../../libs/signing/test-fixtures/nd30-document';
import type { Known } from './fuzz-values';
import { giveSeal, giveSignature, trustTestPki } from './signing-world';

const SIGNER = 'Nguyễn Văn Ấn';

export interface FuzzWorld {
  /** Bearer token of `fuzz.all`: admin, clerk, leader and specialist of the district (a node admin). */
  token: string;
  /** Values by path parameter name, and by body field name (real ids, so requests go deep). */
  known: Known;
  /** Path parameter values that depend on the route (`{entryId}` of an outgoing route is the draft). */
  pathValue(path: string, name: string): string;
  pdf: Buffer;
}

/**
 * A district with what every route needs to reach its handler: a unit, a second user, a case file,
 * a registered incoming document with its file, an outgoing draft, certificates with images, a
 * trust anchor. Built through the product (use cases and the API), not by writing rows.
 */
export async function buildFuzzWorld(server: TestServer): Promise<FuzzWorld> {
  const ds = server.db.dataSource;
  const pki = await getTestPki();
  const { district, communeA } = await insertDistrictAndCommunes(ds);
  const me = await insertUser(ds, {
    agencyId: district.id,
    username: 'fuzz.all',
    fullName: SIGNER,
    roles: ['admin', 'clerk', 'leader', 'specialist'],
  });
  const other = await insertUser(ds, { agencyId: district.id, username: 'd.spec', roles: ['specialist'] });
  const login = await request(server.url)
    .post('/api/v1/auth/login')
    .send({ username: 'fuzz.all', password: TEST_PASSWORD });
  const token = login.body.token as string;
  const base = `/api/v1/agencies/${district.id}`;
  const as = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  const ok = (res: request.Response, what: string) => {
    if (res.status >= 300)
      throw new Error(`fuzz world: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  await trustTestPki(server, pki);
  const sealId = await giveSeal(server, district.id, pki.organisations[0]);
  await giveSignature(server, district.id, me.id, pki.people[0]);
  const unit = ok(
    await as(request(server.url).post(`${base}/units`)).send({
      code: 'VP',
      name: 'Văn phòng',
      abbreviation: 'VP',
    }),
    'unit',
  );
  const caseFile = ok(
    await as(request(server.url).post(`${base}/case-files`)).send({ code: '01.HS', title: 'Hồ sơ' }),
    'case file',
  );
  const pdf = await nd30Pdf({ signerName: SIGNER });
  const incoming = ok(
    await as(request(server.url).post(`${base}/incoming`))
      .field('metadata', JSON.stringify({ typeCode: 'CV', subject: 'Công văn đến', organName: 'UBND tỉnh' }))
      .attach('file', pdf, 'cong-van.pdf'),
    'incoming',
  );
  const draft = ok(
    await as(request(server.url).post(`${base}/outgoing`))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'QD',
          subject: 'Quyết định thử',
          signerUserId: me.id,
          recipients: [{ kind: 'agency', organId: communeA.code }],
        }),
      )
      .attach('file', pdf, 'quyet-dinh.pdf'),
    'draft',
  );
  const registers = ok(await as(request(server.url).get(`${base}/registers`)), 'registers');
  const anchors = ok(await as(request(server.url).get('/api/v1/trust/anchors')), 'anchors');

  const known: Known = {
    agencyId: district.id,
    unitId: unit.id,
    draftingUnitId: unit.id,
    userId: other.id,
    signerUserId: me.id,
    assigneeId: other.id,
    caseFileId: caseFile.id,
    entryId: incoming.id,
    replyToEntryId: incoming.id,
    replacementEntryId: draft.id,
    versionId: incoming.files[0].id,
    registerId: registers.registers[0]?.id ?? randomUUID(),
    certificateId: sealId,
    copyId: randomUUID(),
    code: communeA.code,
    organId: communeA.code,
    parentCode: district.code,
    typeCode: 'CV',
  };
  return {
    token,
    known,
    pdf,
    pathValue(path, name) {
      if (name === 'entryId' && path.includes('/outgoing/')) return draft.id;
      if (name === 'id' && path.startsWith('/api/v1/trust/anchors'))
        return anchors.items[0]?.id ?? randomUUID();
      if (name === 'id' && path.includes('/notifications/')) return randomUUID();
      if (name === 'id') return sealId;
      return String(known[name] ?? randomUUID());
    },
  };
}
