import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { PLACES } from './vietnamese-subjects';

export interface SeededAgency {
  id: string;
  code: string;
  units: string[];
  users: string[];
}

/** A seeded agency with what the entry generator needs of it. */
export interface WorldAgency extends SeededAgency {
  name: string;
  leaders: string[];
  /** Register id by `<kind>:<year>`. */
  registers: Map<string, string>;
}

const UNITS = [
  ['VP', 'Văn phòng HĐND và UBND'],
  ['TCKH', 'Phòng Tài chính - Kế hoạch'],
  ['NV', 'Phòng Nội vụ'],
  ['NN', 'Phòng Nông nghiệp và Phát triển nông thôn'],
  ['TNMT', 'Phòng Tài nguyên và Môi trường'],
  ['VHXH', 'Phòng Văn hóa - Xã hội'],
] as const;

/**
 * A district People's Committee and 14 communes, each with six units, twelve staff (who never log
 * in) and an incoming and an outgoing register per year.
 */
export async function createWorld(
  client: Client,
  years: number[],
): Promise<{
  agencies: WorldAgency[];
}> {
  const agencies: WorldAgency[] = [];
  const names = [
    "UBND huyện Ea H'Leo",
    ...PLACES.slice(0, 12).map((p) => `UBND ${p}`),
    'UBND xã Ea Hồ',
    'UBND xã Cư Né',
  ];
  let districtId: string | null = null;
  for (const [i, name] of names.entries()) {
    const code = i === 0 ? '000.00.12.H15' : `000.${String(i).padStart(2, '0')}.12.H15`;
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO agency (code, name, parent_id, level_label, hosted, abbreviation)
         VALUES ($1, $2, $3, $4, true, 'UBND') RETURNING id`,
      [code, name, districtId, i === 0 ? 'Huyện' : 'Xã'],
    );
    const id: string = inserted.rows[0].id;
    districtId ??= id;
    const units: string[] = [];
    for (const [abbr, unitName] of UNITS) {
      const unit = await client.query<{ id: string }>(
        'INSERT INTO unit (agency_id, code, name, abbreviation) VALUES ($1, $2, $3, $4) RETURNING id',
        [id, abbr, unitName, abbr],
      );
      units.push(unit.rows[0].id);
    }
    const users: string[] = [];
    for (let u = 0; u < 12; u++) {
      // Seeded staff never log in: the hash matches no password.
      const user = await client.query<{ id: string }>(
        `INSERT INTO app_user (agency_id, unit_id, username, full_name, password_hash)
         VALUES ($1, $2, $3, $4, 'seed:no-login') RETURNING id`,
        [id, units[u % units.length], `seed${i}.${u}`, `Cán bộ ${u + 1}`],
      );
      users.push(user.rows[0].id);
    }
    const registers = new Map<string, string>();
    for (const year of years) {
      for (const kind of ['incoming', 'outgoing'] as const) {
        const registerId = randomUUID();
        await client.query(
          `INSERT INTO register (id, agency_id, year, kind, name) VALUES ($1, $2, $3, $4, $5)`,
          [registerId, id, year, kind, `Sổ ${kind === 'incoming' ? 'đến' : 'đi'} năm ${year}`],
        );
        registers.set(`${kind}:${year}`, registerId);
      }
    }
    agencies.push({ id, code, name, units, users, leaders: users.slice(0, 2), registers });
  }
  return { agencies };
}
