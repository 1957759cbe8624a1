'use strict';
/**
 * Lets a child process of the storage tests `require()` our TypeScript sources: they are compiled on
 * load with swc and the repository's .swcrc, as Jest does.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

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
