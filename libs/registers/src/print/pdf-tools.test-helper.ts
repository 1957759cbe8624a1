import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Where the specs leave their sample outputs for a person to look at (gitignored). */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'registers');

/** Poppler and qpdf (Debian packages), read a PDF the way another program would. */
export const pdfTools = {
  /** Saves the PDF under test-artifacts/registers and returns its path. */
  save(name: string, data: Buffer | string): string {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const path = join(ARTIFACTS_DIR, name);
    writeFileSync(path, data);
    return path;
  },

  /** `layout`: columns side by side as on paper; `raw`: the order the content stream draws. */
  async text(path: string, mode: 'layout' | 'raw', page?: number): Promise<string> {
    const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    const { stdout } = await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', ...pages, path, '-'], {
      maxBuffer: 256 * 1024 * 1024,
    });
    return stdout;
  },

  async info(path: string): Promise<{ pages: number; size: string }> {
    const { stdout } = await run('pdfinfo', [path]);
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]),
      size: /^Page size:\s+(.+)$/m.exec(stdout)?.[1]?.trim() ?? '',
    };
  },

  async fonts(path: string): Promise<string> {
    return (await run('pdffonts', [path])).stdout;
  },

  /** qpdf's exit code: 0 when the structure, the xref and every stream are sound. */
  async check(path: string): Promise<number> {
    try {
      await run('qpdf', ['--check', path], { maxBuffer: 64 * 1024 * 1024 });
      return 0;
    } catch (error) {
      return (error as { code?: number }).code ?? -1;
    }
  },
};
