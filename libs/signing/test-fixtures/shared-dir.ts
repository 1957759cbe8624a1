import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `../shared` beside the repository (fixtures and peers), found by walking up to the repository's
 * package.json, so the path holds both from sources (tests) and from `dist/` (benchmarks).
 */
function sharedDir(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'libs', 'signing')))
      return join(dir, '..', 'shared');
  }
  throw new Error(`repository root not found above ${__dirname}`);
}

export const SHARED_DIR = sharedDir();
