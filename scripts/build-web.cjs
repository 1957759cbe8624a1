/**
 * Builds the web UI (apps/web) into dist/web with Vite, unless nothing it depends on changed since
 * the last build: `npm start` then stays as fast as before when only the server changed.
 * `--force` builds anyway.
 */
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const web = join(root, 'apps/web');
const out = join(root, 'dist/web');
const stamp = join(out, '.build-hash');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'test' || name === 'node_modules') return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const hash = createHash('sha256');
for (const file of [...files(web), join(root, 'package-lock.json')].sort()) {
  hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  process.exit(0);
}
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    join(web, 'vite.config.mts'),
    '--logLevel',
    'warn',
  ],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, digest);
process.stdout.write(`web UI built into dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
