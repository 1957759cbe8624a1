import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FileWriterPool } from './file-writer-pool';

const run = promisify(execFile);

describe('FileWriterPool', () => {
  let dir: string;
  let pool: FileWriterPool;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-writer-pool-'));
    pool = new FileWriterPool(2);
  });
  afterEach(async () => {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  });

  const job = (name: string, parts: Uint8Array[], ifAbsent = false) => ({
    tempPath: join(dir, `${name}.part`),
    finalPath: join(dir, 'objects', name),
    parts,
    ifAbsent,
  });

  it('writes each file whole from its parts, with at most maxThreads threads', async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => [randomBytes(40_000 + i), randomBytes(100)]);
    const written = await Promise.all(bodies.map((parts, i) => pool.write(job(`f${i}`, parts))));
    expect(written).toEqual(bodies.map(() => true));
    expect(pool.size).toBe(2);
    for (const [i, parts] of bodies.entries()) {
      expect((await readFile(join(dir, 'objects', `f${i}`))).equals(Buffer.concat(parts))).toBe(true);
    }
    expect((await readdir(dir)).sort()).toEqual(['objects']);
  });

  it('starts a single thread for writes that come one at a time', async () => {
    for (let i = 0; i < 3; i++) await pool.write(job(`seq${i}`, [Buffer.from(`file ${i}`)]));
    expect(pool.size).toBe(1);
  });

  it('leaves an existing file alone when asked to write only if absent', async () => {
    await pool.write(job('same', [Buffer.from('first')]));
    expect(await pool.write(job('same', [Buffer.from('second')], true))).toBe(false);
    expect(await readFile(join(dir, 'objects', 'same'), 'utf8')).toBe('first');
    expect(await pool.write(job('same', [Buffer.from('third')]))).toBe(true);
    expect(await readFile(join(dir, 'objects', 'same'), 'utf8')).toBe('third');
  });

  it('refuses to overwrite a temporary file that exists already (another write in progress)', async () => {
    await writeFile(join(dir, 'busy.part'), 'someone else');
    await expect(pool.write(job('busy', [Buffer.from('mine')]))).rejects.toMatchObject({
      code: 'EEXIST',
      syscall: 'open',
    });
  });

  it('writes again after close, with new threads', async () => {
    await pool.write(job('before', [Buffer.from('a')]));
    await pool.close();
    expect(pool.size).toBe(0);
    await pool.write(job('after', [Buffer.from('b')]));
    expect(await readFile(join(dir, 'objects', 'after'), 'utf8')).toBe('b');
  });

  it('keeps a process alive until its write is done, and lets it exit afterwards', async () => {
    // The child writes a small file, then starts a big write and leaves: its thread, idle and
    // unreferenced between the two, must hold the process open until the big file is there.
    const target = join(dir, 'objects', 'from-child');
    const write = (name: string, path: string, size: number) =>
      `pool.write({ tempPath: ${JSON.stringify(join(dir, `${name}.part`))}, finalPath: ${JSON.stringify(path)},
        parts: [Buffer.alloc(${size}, 7)], ifAbsent: false })`;
    const script = `
      require(${JSON.stringify(join(__dirname, 'testing', 'register-ts.cjs'))});
      const { FileWriterPool } = require(${JSON.stringify(join(__dirname, 'file-writer-pool.ts'))});
      const pool = new FileWriterPool(1);
      ${write('small', join(dir, 'objects', 'small'), 10)}.then(() => { ${write('big', target, 3_000_000)}; });`;
    await run(process.execPath, ['-e', script], { timeout: 30_000 });
    expect((await readFile(target)).length).toBe(3_000_000);
  });
});
