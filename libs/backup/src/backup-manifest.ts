import { z } from 'zod';

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const MASTER_KEY_BACKUP_FILE = 'master.key';
/** Other files of the data folder go under this folder of the backup, at the same relative path. */
export const FILES_DIR = 'files';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A relative path of plain segments: a crafted manifest cannot name a file outside its folder. */
const relativePath = z
  .string()
  .max(1000)
  .regex(/^[\w.-]+(\/[\w.-]+)*$/)
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'relative segment');

const fileEntry = z.object({ path: relativePath, sha256, size: z.number().int().nonnegative() });
export type BackupFile = z.infer<typeof fileEntry>;

export const backupManifestSchema = z.object({
  format: z.literal('vanthu-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  postgresVersion: z.string(),
  /** Applied migrations: the restore rebuilds the schema with exactly these, then loads the rows. */
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string().regex(/^\w+$/),
      columns: z.array(z.string().regex(/^\w+$/)),
      rows: z.number().int().nonnegative(),
      /** The rows in COPY text format, gzip-compressed. */
      file: fileEntry,
    }),
  ),
  sequences: z.array(
    z.object({
      name: z.string().regex(/^\w+$/),
      lastValue: z.string().regex(/^-?\d+$/),
      isCalled: z.boolean(),
    }),
  ),
  objects: z.array(
    z.object({
      key: relativePath,
      sha256,
      size: z.number().int().nonnegative(),
      contentType: z.string(),
      /** Pointed at by a row of the database snapshot (the others were stored but not referenced then). */
      referenced: z.boolean(),
    }),
  ),
  /** Other files of the data folder (the demo PKI), under FILES_DIR. */
  files: z.array(fileEntry.extend({ mode: z.number().int().min(0).max(0o777) })),
  masterKey: z.object({
    /** Id of the master key the sealed private keys need (MasterKey.id, hex); null when there was none. */
    id: z
      .string()
      .regex(/^[0-9a-f]{8}$/)
      .nullable(),
    file: fileEntry.nullable(),
  }),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Where an object's bytes are kept in the backup folder. */
export function objectPath(key: string): string {
  return `objects/${key}`;
}
