import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import { TrustAnchorRepository } from './trust-anchor.repository';
import { TrustMaterial } from './trust-material';

describe('TrustMaterial (real PostgreSQL)', () => {
  let db: TestDatabase;
  let trust: TrustMaterial;

  beforeAll(async () => {
    db = await createTestDatabase();
    trust = new TrustMaterial(new TrustAnchorRepository(db.database));
  });
  afterAll(() => db.close());

  // the repository does not parse: any bytes stand for DER here
  const der = (text: string): Buffer => Buffer.from(text);

  async function anchor(text: string, createdAt: string): Promise<string> {
    const rows: { id: string }[] = await db.dataSource.query(
      `INSERT INTO trust_anchor (id, label, subject, serial_number, not_before, not_after, certificate_der,
                                 sha256_fingerprint, created_at)
       VALUES (gen_random_uuid(), $1, $1, '01', now(), now(), $2, encode(sha256($2), 'hex'), $3) RETURNING id`,
      [text, der(text), createdAt],
    );
    return rows[0].id;
  }

  async function crl(text: string, issuer: string, thisUpdate: string): Promise<void> {
    await db.dataSource.query(
      `INSERT INTO crl (id, issuer, this_update, revoked_count, crl_der, sha256_fingerprint)
       VALUES (gen_random_uuid(), $1, $2, 0, $3, encode(sha256($3), 'hex'))`,
      [issuer, thisUpdate, der(text)],
    );
  }

  it('is empty on a node that trusts nothing', async () => {
    expect(await trust.current()).toEqual({ trustAnchors: [], crls: [] });
  });

  it('reads every anchor and the newest CRL of each issuer in one query, and a removal at once', async () => {
    const second = await anchor('anchor-2', '2026-02-01T00:00:00Z');
    await anchor('anchor-1', '2026-01-01T00:00:00Z');
    await crl('crl-a-old', 'CN=A', '2026-01-01T00:00:00Z');
    await crl('crl-a-new', 'CN=A', '2026-02-01T00:00:00Z');
    await crl('crl-b', 'CN=B', '2026-01-15T00:00:00Z');

    const query = jest.spyOn(db.dataSource.manager, 'query');
    const material = await trust.current();
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();

    expect(material.trustAnchors.map(String)).toEqual(['anchor-1', 'anchor-2']);
    expect(material.crls.map(String)).toEqual(['crl-a-new', 'crl-b']);
    expect(material.trustAnchors.every(Buffer.isBuffer)).toBe(true);

    await db.dataSource.query('DELETE FROM trust_anchor WHERE id = $1', [second]);
    expect((await trust.current()).trustAnchors.map(String)).toEqual(['anchor-1']);
  });
});
