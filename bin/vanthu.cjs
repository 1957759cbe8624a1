#!/usr/bin/env node
'use strict';
/*
 * The `vanthu` command as package.json's bin (`npx vanthu …`, or on PATH after `npm link`). The CLI
 * runs from dist/, which `npm install` does not produce: compile it here (swc, about 2 s) when it is
 * missing or older than a source file, then run it. `npm install` itself stays free of build steps.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const main = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(main)) return true;
  const built = statSync(main).mtimeMs;
  return ['apps', 'libs'].some((dir) => newestSource(join(root, dir)) > built);
}

if (stale()) {
  // the same build as `npm start` and `npm run vanthu` (package.json "build")
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    process.stderr.write('vanthu: không biên dịch được mã nguồn (npm run build)\n');
    process.exit(2);
  }
}
require(main);
