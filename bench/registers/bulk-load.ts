import type { Client } from 'pg';

export const ENTRY_COLUMNS: readonly (readonly [string, string])[] = [
  ['id', 'uuid'],
  ['agency_id', 'uuid'],
  ['direction', 'varchar'],
  ['status', 'varchar'],
  ['register_id', 'uuid'],
  ['number', 'int4'],
  ['year', 'int2'],
  ['entry_date', 'date'],
  ['document_type_code', 'varchar'],
  ['code_number', 'varchar'],
  ['code_notation', 'varchar'],
  ['issued_date', 'date'],
  ['subject', 'varchar'],
  ['organ_name', 'varchar'],
  ['signer_position', 'varchar'],
  ['signer_name', 'varchar'],
  ['priority', 'varchar'],
  ['page_amount', 'int2'],
  ['to_places', 'varchar'],
  ['due_date', 'date'],
  ['source', 'varchar'],
  ['arrival_at', 'timestamptz'],
  ['drafting_unit_id', 'uuid'],
  ['lead_unit_id', 'uuid'],
  ['lead_user_id', 'uuid'],
  ['closed_at', 'timestamptz'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['search_text', 'text'],
];

export const ASSIGNMENT_COLUMNS: readonly (readonly [string, string])[] = [
  ['id', 'uuid'],
  ['entry_id', 'uuid'],
  ['role', 'varchar'],
  ['unit_id', 'uuid'],
  ['user_id', 'uuid'],
  ['deadline', 'date'],
  ['assigned_by', 'uuid'],
  ['assigned_at', 'timestamptz'],
];

export type Row = unknown[];

/** `INSERT INTO t (a, b) SELECT * FROM unnest($1::uuid[], $2::varchar[])`: one round trip per batch. */
export async function insertBatch(
  client: Client,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, c) => rows.map((r) => r[c]));
  const casts = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT * FROM unnest(${casts})`,
    arrays,
  );
}

/** Drops the non-constraint indexes of the bulk-loaded tables; returns their CREATE statements. */
export async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid IN ('register_entry'::regclass, 'assignment'::regclass)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  // The GIN indexes take longest: first, so that each writer rebuilds one of them.
  const gin = (d: string) => (d.includes('USING gin') ? 0 : 1);
  return rows.map((r) => r.definition).sort((a, b) => gin(a) - gin(b));
}
