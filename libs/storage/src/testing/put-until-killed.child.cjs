'use strict';
/**
 * Child-process entry for the contract's crash test: opens the storage described by argv[2] (JSON
 * StorageOptions) and puts an endless stream under argv[3], reporting `{ sent }` over IPC as bytes
 * go out, until the parent kills it with SIGKILL mid-write. TypeScript sources load through
 * register-ts.cjs.
 */
const { Readable } = require('node:stream');
const { randomBytes } = require('node:crypto');

require('./register-ts.cjs');

const { createObjectStorage } = require('../create-object-storage.ts');

async function main() {
  const storage = createObjectStorage(JSON.parse(process.argv[2]));
  const key = process.argv[3];
  await storage.init();
  let sent = 0;
  const endless = new Readable({
    read() {
      const chunk = randomBytes(256 * 1024);
      sent += chunk.length;
      process.send({ sent });
      this.push(chunk);
    },
  });
  await storage.put(key, endless);
  process.send({ finished: true });
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
