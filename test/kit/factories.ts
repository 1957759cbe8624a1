import type { Role } from '@vanthu/identity';
import { PasswordHasher } from '@vanthu/identity';
import type { DataSource } from 'typeorm';

const hasher = new PasswordHasher();
let cachedHash: Promise<string> | undefined;

export const TEST_PASSWORD = 'Matkhau-test-2026';

export interface AgencyRow {
  id: string;
  code: string;
}

/** Inserts an agency row directly (fixtures only: the product goes through the directory use cases). */
export async function insertAgency(
  ds: DataSource,
  a: { code: string; name: string; parentId?: string | null; levelLabel?: string; hosted?: boolean },
): Promise<AgencyRow> {
  const rows: AgencyRow[] = await ds.query(
    `INSERT INTO agency (code, name, parent_id, level_label, hosted, abbreviation)
     VALUES ($1, $2, $3, $4, $5, 'UBND') RETURNING id, code`,
    [a.code, a.name, a.parentId ?? null, a.levelLabel ?? 'Xã', a.hosted ?? true],
  );
  return rows[0];
}

/** The seed deployment in miniature: the Ea H'Leo district and two of its communes, all hosted here. */
export async function insertDistrictAndCommunes(
  ds: DataSource,
): Promise<{ district: AgencyRow; communeA: AgencyRow; communeB: AgencyRow }> {
  const district = await insertAgency(ds, {
    code: '000.00.12.H15',
    name: "UBND huyện Ea H'Leo",
    levelLabel: 'Huyện',
  });
  const communeA = await insertAgency(ds, {
    code: '000.01.12.H15',
    name: 'UBND thị trấn Ea Drăng',
    parentId: district.id,
  });
  const communeB = await insertAgency(ds, {
    code: '000.03.12.H15',
    name: 'UBND xã Ea Sol',
    parentId: district.id,
  });
  return { district, communeA, communeB };
}

export async function insertUser(
  ds: DataSource,
  u: {
    agencyId: string;
    username: string;
    fullName?: string;
    roles: Role[];
    password?: string;
    unitId?: string | null;
    position?: string | null;
  },
): Promise<{ id: string; username: string }> {
  const hash = u.password ? await hasher.hash(u.password) : await (cachedHash ??= hasher.hash(TEST_PASSWORD));
  const rows: { id: string }[] = await ds.query(
    `INSERT INTO app_user (agency_id, username, full_name, password_hash, unit_id, position)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [u.agencyId, u.username, u.fullName ?? u.username, hash, u.unitId ?? null, u.position ?? null],
  );
  for (const role of u.roles) {
    await ds.query('INSERT INTO user_role (user_id, agency_id, role) VALUES ($1, $2, $3)', [
      rows[0].id,
      u.agencyId,
      role,
    ]);
  }
  return { id: rows[0].id, username: u.username };
}

export async function insertUnit(
  ds: DataSource,
  u: { agencyId: string; code: string; name: string; abbreviation: string },
): Promise<{ id: string }> {
  const rows: { id: string }[] = await ds.query(
    'INSERT INTO unit (agency_id, code, name, abbreviation) VALUES ($1, $2, $3, $4) RETURNING id',
    [u.agencyId, u.code, u.name, u.abbreviation],
  );
  return rows[0];
}
