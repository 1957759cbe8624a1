'use strict';
/**
 * Child-process entry for the crash test of stored-object claims: in a transaction, stores the bytes
 * of argv[2] (JSON: database URL, StorageOptions, agency, entry, base64 bytes) as a new version of
 * the entry, reports `{ stored: true }` over IPC and waits, holding the transaction open, until the
 * parent kills it with SIGKILL: a crash between the write and the commit. TypeScript sources load
 * through the storage tests' register-ts.cjs.
 */
require('../../../storage/src/testing/register-ts.cjs');

const { createDataSource, Database } = require('../../../persistence/src/index.ts');
const { createObjectStorage } = require('../../../storage/src/index.ts');
const { SystemClock } = require('../../../shared/src/index.ts');
const { DocumentStore } = require('../document-store.ts');
const { DocumentVersionRepository } = require('../document-version.repository.ts');
const { DOCUMENTS_ENTITIES } = require('../documents.entities.ts');
const { StoredObjectClaimRepository } = require('../stored-object-claim.repository.ts');

async function main() {
  const input = JSON.parse(process.argv[2]);
  const dataSource = createDataSource({ url: input.url, entities: DOCUMENTS_ENTITIES, poolSize: 2 });
  await dataSource.initialize();
  const db = new Database(dataSource);
  const documents = new DocumentStore(
    db,
    createObjectStorage(input.storage),
    new DocumentVersionRepository(db),
    new StoredObjectClaimRepository(db),
    new SystemClock(),
  );
  await db.transaction(async () => {
    await documents.addVersion({
      agencyId: input.agencyId,
      entryId: input.entryId,
      fileIndex: 0,
      fileName: 'du-thao.pdf',
      kind: 'original',
      bytes: Buffer.from(input.bytes, 'base64'),
      createdBy: null,
    });
    process.send({ stored: true });
    await new Promise(() => undefined);
  });
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
