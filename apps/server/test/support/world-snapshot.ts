import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * Everything a request could have written: each table's row count and a digest of its rows, and
 * every stored object with its size. Two equal snapshots mean nothing was added, changed or left
 * behind.
 */
export interface WorldSnapshot {
  tables: Record<string, string>;
  objects: string[];
}

async function tablesOf(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.name);
}

async function files(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(at: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(at, e.name);
      if (e.isDirectory()) await walk(path);
      else found.push(`${relative(dir, path)} ${(await stat(path)).size}`);
    }
  }
  await walk(dir);
  return found.sort();
}

/** A function taking snapshots of one database and one storage folder (the table list is read once). */
export async function snapshotter(ds: DataSource, storageDir: string): Promise<() => Promise<WorldSnapshot>> {
  const tables = await tablesOf(ds);
  const query = tables
    .map(
      (t) =>
        `SELECT '${t}' AS t, count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM "${t}" x`,
    )
    .join(' UNION ALL ');
  return async () => {
    const rows: { t: string; d: string }[] = await ds.query(query);
    return {
      tables: Object.fromEntries(rows.map((r) => [r.t, r.d])),
      objects: await files(storageDir),
    };
  };
}

/** What differs between two snapshots, for a failure message. */
export function differences(before: WorldSnapshot, after: WorldSnapshot): string[] {
  const tables = Object.keys(after.tables).filter((t) => before.tables[t] !== after.tables[t]);
  const added = after.objects.filter((o) => !before.objects.includes(o));
  const removed = before.objects.filter((o) => !after.objects.includes(o));
  return [
    ...tables.map((t) => `table ${t}: ${before.tables[t]} → ${after.tables[t]}`),
    ...added.map((o) => `object added: ${o}`),
    ...removed.map((o) => `object removed: ${o}`),
  ];
}

export function digest(snapshot: WorldSnapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}
