import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sign, verify, X509Certificate } from 'node:crypto';
import { TrustMaterial, UnlockOrganisationKeyUseCase, UnlockPersonalKeyUseCase } from '@vanthu/certificates';
import type { Principal } from '@vanthu/identity';
import { insertAgency, insertUser } from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { DemoPkiSeeder } from './demo-pki-seeder';
import type { DemoPkiWorld } from './demo-pki-world';

/** A small world (the real one has 13 agencies): what matters is the flow and that it can run twice. */
const WORLD: DemoPkiWorld = {
  organisations: [
    { code: '000.00.12.H15', name: "Ủy ban nhân dân huyện Ea H'Leo" },
    { code: '000.01.12.H15', name: 'Ủy ban nhân dân thị trấn Ea Drăng' },
  ],
  people: [
    {
      username: 'huyen.lanhdao',
      fullName: 'Nguyễn Văn An',
      position: 'Chủ tịch',
      agencyCode: '000.00.12.H15',
    },
  ],
};

describe('DemoPkiSeeder', () => {
  let server: TestServer;
  const agencyIdByCode = new Map<string, string>();
  const people = new Map<string, { userId: string; agencyId: string }>();
  let clerk: Principal;
  let leader: Principal;

  beforeAll(async () => {
    server = await startTestServer();
    const ds = server.db.dataSource;
    const district = await insertAgency(ds, {
      code: WORLD.organisations[0].code,
      name: 'Huyện',
      levelLabel: 'Huyện',
    });
    const town = await insertAgency(ds, {
      code: WORLD.organisations[1].code,
      name: 'Thị trấn',
      parentId: district.id,
    });
    agencyIdByCode.set(district.code, district.id).set(town.code, town.id);
    const lead = await insertUser(ds, {
      agencyId: district.id,
      username: 'huyen.lanhdao',
      roles: ['leader'],
    });
    const cl = await insertUser(ds, { agencyId: town.id, username: 'eadrang.vanthu', roles: ['clerk'] });
    people.set('huyen.lanhdao', { userId: lead.id, agencyId: district.id });
    const principal = (
      u: { id: string; username: string },
      agencyId: string,
      role: 'clerk' | 'leader',
    ): Principal => ({
      userId: u.id,
      username: u.username,
      fullName: u.username,
      agencyId,
      roles: [{ agencyId, role }],
      sessionId: 'test',
    });
    clerk = principal(cl, town.id, 'clerk');
    leader = principal(lead, district.id, 'leader');
  });
  afterAll(() => server.close());

  it('generates the PKI under the data folder, imports it, and a second run changes nothing', async () => {
    const seeder = server.app.get(DemoPkiSeeder);
    const first = await seeder.prepare(WORLD);
    expect(first.dir).toBe(join(server.dataDir, 'demo-pki'));
    expect(existsSync(join(first.dir, 'manifest.json'))).toBe(true);
    const imported = await server.db.database.transaction(() =>
      seeder.importInto(first, agencyIdByCode, people),
    );
    expect(imported).toMatchObject({ certificatesImported: 3, trustAnchorsAdded: 1, crlsAdded: 2 });
    const personal = first.manifest.files.find(
      (f) => f.kind === 'personal-pkcs12' && f.owner === 'huyen.lanhdao',
    );
    expect(imported.passphrases.get('huyen.lanhdao')).toBe(personal?.passphrase);

    const manifestBytes = readFileSync(join(first.dir, 'manifest.json'));
    const mtime = statSync(join(first.dir, 'manifest.json')).mtimeMs;
    const second = await seeder.prepare(WORLD);
    expect(readFileSync(join(second.dir, 'manifest.json')).equals(manifestBytes)).toBe(true);
    expect(statSync(join(second.dir, 'manifest.json')).mtimeMs).toBe(mtime);
    const again = await server.db.database.transaction(() =>
      seeder.importInto(second, agencyIdByCode, people),
    );
    expect(again).toMatchObject({ certificatesImported: 0, trustAnchorsAdded: 0, crlsAdded: 0 });
    const [{ n }] = await server.db.dataSource.query('SELECT count(*)::int AS n FROM certificate');
    expect(n).toBe(3);
    // each certificate signs with its generated image: the seal for organisations, the signature for people
    const images: { kind: string; png: Buffer }[] = await server.db.dataSource.query(
      'SELECT kind, appearance_png AS png FROM certificate ORDER BY kind',
    );
    const manifestPng = (kind: string) =>
      second.manifest.files.filter((f) => f.kind === kind).map((f) => readFileSync(join(second.dir, f.path)));
    for (const { kind, png } of images) {
      expect(png).not.toBeNull();
      const expected = manifestPng(kind === 'organisation' ? 'seal-image' : 'signature-image');
      expect(expected.some((b) => b.equals(png))).toBe(true);
    }
  }, 240_000);

  it('the imported keys work: the clerk seals, the leader signs with the printed passphrase', async () => {
    const data = Buffer.from('demo');
    const check = (identity: { privateKey: Parameters<typeof sign>[2]; certificate: Buffer }) =>
      verify(
        'sha256',
        data,
        new X509Certificate(identity.certificate).publicKey,
        sign('sha256', data, identity.privateKey),
      );
    const seal = await server.app
      .get(UnlockOrganisationKeyUseCase)
      .execute({ principal: clerk, agencyId: agencyIdByCode.get(WORLD.organisations[1].code)! });
    expect(check(seal)).toBe(true);
    expect(new X509Certificate(seal.certificate).subject).toContain('Ea Drăng');

    const manifest = JSON.parse(readFileSync(join(server.dataDir, 'demo-pki', 'manifest.json'), 'utf8'));
    const file = manifest.files.find((f: { kind: string }) => f.kind === 'personal-pkcs12');
    const [{ id }] = await server.db.dataSource.query(`SELECT id FROM certificate WHERE kind = 'personal'`);
    const personal = await server.app
      .get(UnlockPersonalKeyUseCase)
      .execute({ principal: leader, certificateId: id, passphrase: file.passphrase });
    expect(check(personal)).toBe(true);

    const trust = await server.app.get(TrustMaterial).current();
    expect(trust.trustAnchors).toHaveLength(1);
    expect(new X509Certificate(trust.trustAnchors[0]).subject).toContain('vanthu Demo Root CA');
    expect(trust.crls).toHaveLength(2);
  });
});
