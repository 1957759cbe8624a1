import { rmSync } from 'node:fs';
import type { EmbeddedPostgresServer } from '../../libs/persistence/src/embedded/embedded-postgres-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __vanthuPg?: EmbeddedPostgresServer }).__vanthuPg;
  await server?.stop();
  if (process.env.VANTHU_TEST_PG_DIR)
    rmSync(process.env.VANTHU_TEST_PG_DIR, { recursive: true, force: true });
}
