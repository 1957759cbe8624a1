'use strict';
/**
 * Child-process entry for the contract's crash test: opens the storage described by argv[2] (JSON
 * StorageOptions) and puts an endless stream under argv[3], reporting `{ sent }` over IPC as bytes
 * go out, until the parent kills it with SIGKILL mid-write. TypeScript sources are compiled on load
 * with swc and the repository's .swcrc, as Jest does.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Readable } = require('node:stream');
const { randomBytes } = require('node:crypto');

const repoRoot = join(__dirname, '..', '..', '..', '..');
const swc = require(join(repoRoot, 'node_modules', '@swc', 'core'));
const swcrc = JSON.parse(readFileSync(join(repoRoot, '.swcrc'), 'utf8'));
delete swcrc.$schema;
delete swcrc.exclude;
swcrc.jsc.baseUrl = repoRoot;

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...swcrc, filename, swcrc: false });
  module._compile(code, filename);
};

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
