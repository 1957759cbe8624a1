import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { foldVietnamese } from '@vanthu/shared';
import { type Agency } from './agency';
import { AgencyEntity } from './agency.entity';

/** Arbitrary constant: the advisory lock that serialises directory writes (tree checks cannot race). */
const DIRECTORY_WRITE_LOCK = 4_810_227;
/** Longer chains than this are corrupt data, not a real hierarchy. */
const MAX_DEPTH = 1000;
const INSERT_CHUNK = 5000;

export interface AgencySearch {
  /** Words matched, diacritic-insensitively, in name, short name and abbreviation; or a code prefix. */
  q?: string;
  parentId?: string;
  hosted?: boolean;
  limit: number;
  /** Return agencies whose code sorts after this one. */
  afterCode?: string;
}

/** What the tree and successor checks of an import need about every agency. */
export interface AgencyLink {
  id: string;
  code: string;
  parentId: string | null;
  successorCode: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type NewAgencyRow = Mutable<Omit<Agency, 'parentCode' | 'createdAt' | 'updatedAt' | 'version'>>;
export type AgencyRowChanges = Partial<Omit<NewAgencyRow, 'id' | 'code'>>;

interface AgencyRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  abbreviation: string | null;
  parent_id: string | null;
  parent_code: string | null;
  level_label: string;
  successor_code: string | null;
  hosted: boolean;
  is_demo: boolean;
  address: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

// Reads are plain SQL: whole-directory reads (export, import of ~100,000 rows) would spend
// seconds in ORM hydration.
const SELECT_AGENCY = `
  SELECT a.id, a.code, a.name, a.short_name, a.abbreviation, a.parent_id, p.code AS parent_code,
         a.level_label, a.successor_code, a.hosted, a.is_demo, a.address, a.email, a.phone, a.website,
         a.created_at, a.updated_at, a.version
    FROM agency a LEFT JOIN agency p ON p.id = a.parent_id`;

function toAgency(r: AgencyRow): Agency {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    abbreviation: r.abbreviation,
    parentId: r.parent_id,
    parentCode: r.parent_code,
    levelLabel: r.level_label,
    successorCode: r.successor_code,
    hosted: r.hosted,
    isDemo: r.is_demo,
    address: r.address,
    email: r.email,
    phone: r.phone,
    website: r.website,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Column, SQL array type and value of each inserted field, in one place so they cannot drift apart. */
const INSERT_COLUMNS: readonly [string, string, (row: NewAgencyRow) => unknown][] = [
  ['id', 'uuid', (r) => r.id],
  ['code', 'varchar', (r) => r.code],
  ['name', 'varchar', (r) => r.name],
  ['short_name', 'varchar', (r) => r.shortName],
  ['abbreviation', 'varchar', (r) => r.abbreviation],
  ['parent_id', 'uuid', (r) => r.parentId],
  ['level_label', 'varchar', (r) => r.levelLabel],
  ['successor_code', 'varchar', (r) => r.successorCode],
  ['hosted', 'boolean', (r) => r.hosted],
  ['is_demo', 'boolean', (r) => r.isDemo],
  ['address', 'varchar', (r) => r.address],
  ['email', 'varchar', (r) => r.email],
  ['phone', 'varchar', (r) => r.phone],
  ['website', 'varchar', (r) => r.website],
];

@Injectable()
export class AgencyRepository {
  constructor(private readonly db: Database) {}

  private async select(where: string, params: unknown[], tail = ''): Promise<Agency[]> {
    const rows: AgencyRow[] = await this.db.manager.query(`${SELECT_AGENCY} ${where} ${tail}`, params);
    return rows.map(toAgency);
  }

  /** Must run inside a transaction; held until it commits. */
  async lockForWrite(): Promise<void> {
    await this.db.manager.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_WRITE_LOCK]);
  }

  async count(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.manager.query('SELECT count(*)::int AS n FROM agency');
    return n;
  }

  async findById(id: string): Promise<Agency | null> {
    return (await this.select('WHERE a.id = $1', [id]))[0] ?? null;
  }

  async findByCode(code: string): Promise<Agency | null> {
    return (await this.select('WHERE a.code = $1', [code]))[0] ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Agency[]> {
    if (ids.length === 0) return [];
    return this.select('WHERE a.id = ANY($1::uuid[])', [[...ids]], 'ORDER BY a.code');
  }

  async findByCodes(codes: readonly string[]): Promise<Agency[]> {
    if (codes.length === 0) return [];
    return this.select('WHERE a.code = ANY($1::varchar[])', [[...codes]], 'ORDER BY a.code');
  }

  async search(query: AgencySearch): Promise<Agency[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.q) {
      // Each word must occur in the folded text; or the whole query is the start of a code.
      const words = foldVietnamese(query.q).split(/\s+/).filter(Boolean);
      const wordMatches = words.map((w) => `a.search_text LIKE ${param(`%${escapeLike(w)}%`)}`);
      const codeMatch = `a.code LIKE ${param(`${escapeLike(query.q.trim().toUpperCase())}%`)}`;
      conditions.push(wordMatches.length ? `((${wordMatches.join(' AND ')}) OR ${codeMatch})` : codeMatch);
    }
    if (query.parentId) conditions.push(`a.parent_id = ${param(query.parentId)}`);
    if (query.hosted !== undefined) conditions.push(`a.hosted = ${param(query.hosted)}`);
    if (query.afterCode) conditions.push(`a.code > ${param(query.afterCode)}`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    return this.select(where, params, `ORDER BY a.code LIMIT ${param(query.limit)}`);
  }

  /** Ids of the ancestors of an agency, nearest first (the agency itself excluded). */
  async findAncestorIds(id: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `WITH RECURSIVE up (id, parent_id, depth) AS (
         SELECT a.id, a.parent_id, 0 FROM agency a WHERE a.id = $1
         UNION ALL
         SELECT a.id, a.parent_id, up.depth + 1 FROM agency a JOIN up ON a.id = up.parent_id
          WHERE up.depth < $2
       )
       SELECT up.id FROM up WHERE up.depth > 0 ORDER BY up.depth`,
      [id, MAX_DEPTH],
    );
    return rows.map((r) => r.id);
  }

  /** The ancestors of an agency, root first. */
  async findAncestors(id: string): Promise<Agency[]> {
    const ids = await this.findAncestorIds(id);
    if (ids.length === 0) return [];
    const byId = new Map((await this.select('WHERE a.id = ANY($1::uuid[])', [ids])).map((a) => [a.id, a]));
    return ids
      .reverse()
      .map((i) => byId.get(i))
      .filter((a): a is Agency => a !== undefined);
  }

  async findChildren(id: string): Promise<Agency[]> {
    return this.select('WHERE a.parent_id = $1', [id], 'ORDER BY a.code');
  }

  /** Hosted agencies whose parent is not hosted: the tops of what this installation runs. */
  async hostedRoots(): Promise<Agency[]> {
    return this.select('WHERE a.hosted AND (p.id IS NULL OR NOT p.hosted)', [], 'ORDER BY a.code');
  }

  /** Every agency, for export. */
  async listAll(): Promise<Agency[]> {
    return this.select('', [], 'ORDER BY a.code');
  }

  async listLinks(): Promise<AgencyLink[]> {
    const rows: { id: string; code: string; parent_id: string | null; successor_code: string | null }[] =
      await this.db.manager.query('SELECT a.id, a.code, a.parent_id, a.successor_code FROM agency a');
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      parentId: r.parent_id,
      successorCode: r.successor_code,
    }));
  }

  /**
   * A few thousand rows per statement through arrays, which keeps a national-directory import to
   * seconds. Callers put parents before children, so a parent is in an earlier statement or the same.
   */
  async insertMany(rows: readonly NewAgencyRow[], at: Date): Promise<void> {
    const columns = INSERT_COLUMNS.map(([column]) => column).join(', ');
    const arrays = INSERT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const n = INSERT_COLUMNS.length;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await this.db.manager.query(
        `INSERT INTO agency (${columns}, created_at, updated_at, version)
         SELECT t.*, $${n + 1}::timestamptz, $${n + 1}::timestamptz, 1 FROM unnest(${arrays}) AS t(${columns})`,
        [...INSERT_COLUMNS.map(([, , value]) => chunk.map(value)), at],
      );
    }
  }

  /** Applies the changes if the row is still at `expectedVersion`; false when it is not. */
  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: AgencyRowChanges,
    at: Date,
  ): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(AgencyEntity)
      .set({ ...changes, updatedAt: at, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }
}
