#!/usr/bin/env node
// npm run migration:create -- <kebab-name>
// Writes libs/persistence/src/migrations/<timestamp>-<name>.migration.ts and registers it in index.ts.
const { writeFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('usage: npm run migration:create -- <kebab-case-name>');
  process.exit(2);
}
const stamp = Date.now();
const className = name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase()) + stamp;
const dir = join(__dirname, '..', 'libs', 'persistence', 'src', 'migrations');
const file = `${stamp}-${name}.migration`;
writeFileSync(
  join(dir, `${file}.ts`),
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
);
const indexFile = join(dir, 'index.ts');
let index = readFileSync(indexFile, 'utf8');
index = `import { ${className} } from './${file}';\n` + index;
index = index.replace(
  /export const MIGRATIONS = \[([^\]]*)\];/,
  (_, list) => `export const MIGRATIONS = [${list.trim().replace(/,$/, '')}, ${className}];`,
);
writeFileSync(indexFile, index);
console.log(`created ${join('libs/persistence/src/migrations', file)}.ts`);
