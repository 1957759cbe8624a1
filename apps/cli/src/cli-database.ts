import { AUDIT_ENTITIES } from '@vanthu/audit';
import { CERTIFICATES_ENTITIES } from '@vanthu/certificates';
import { loadConfig } from '@vanthu/config';
import { DIRECTORY_ENTITIES } from '@vanthu/directory';
import { DOCUMENTS_ENTITIES } from '@vanthu/documents';
import { EXCHANGE_ENTITIES } from '@vanthu/exchange';
import { IDENTITY_ENTITIES } from '@vanthu/identity';
import { REGISTERS_ENTITIES } from '@vanthu/registers';
import { DatabaseRuntime } from '@vanthu/persistence';

export const CLI_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...CERTIFICATES_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...REGISTERS_ENTITIES,
  ...EXCHANGE_ENTITIES,
];

/**
 * Opens the configured database (the embedded one under VANTHU_DATA_DIR when DATABASE_URL is
 * unset) for one command and closes it afterwards, whatever happens. When the server runs on the
 * same data folder, the command uses its embedded PostgreSQL and leaves it running.
 */
export async function withDatabase<T>(
  migrate: boolean,
  work: (runtime: DatabaseRuntime) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const runtime = await DatabaseRuntime.open({
    database: config.database,
    dataDir: config.data.dir,
    entities: CLI_ENTITIES,
    migrate,
    log: (m) => process.stderr.write(`${m}\n`),
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}
