import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvelopeCipher } from './envelope-cipher';
import { MASTER_KEY_FILE_NAME, resolveMasterKey } from './master-key';

describe('resolveMasterKey', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vanthu-master-key-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = () => join(dir, 'data', MASTER_KEY_FILE_NAME);
  const roundTrip = async (sealedBy: EnvelopeCipher) => {
    const again = new EnvelopeCipher(await resolveMasterKey({ dataDir: join(dir, 'data') }));
    return again.open(sealedBy.seal(Buffer.from('x'), 'a'), 'a').toString();
  };

  it('generates 32 random bytes in <data>/master.key with mode 0600, leaving no temporary file', async () => {
    const key = await resolveMasterKey({ dataDir: join(dir, 'data') });
    expect(key.source).toBe('generated');
    const info = statSync(file());
    expect(info.mode & 0o777).toBe(0o600);
    expect(info.size).toBe(32);
    expect(readdirSync(join(dir, 'data'))).toEqual([MASTER_KEY_FILE_NAME]);
  });

  it('reuses the file on later starts (what was sealed stays readable)', async () => {
    const first = new EnvelopeCipher(await resolveMasterKey({ dataDir: join(dir, 'data') }));
    const bytes = readFileSync(file());
    expect(await roundTrip(first)).toBe('x');
    const second = await resolveMasterKey({ dataDir: join(dir, 'data') });
    expect(second.source).toBe('file');
    expect(readFileSync(file()).equals(bytes)).toBe(true);
  });

  it('creates exactly one key when several processes start at once', async () => {
    const keys = await Promise.all(
      Array.from({ length: 6 }, () => resolveMasterKey({ dataDir: join(dir, 'data') })),
    );
    const ids = new Set(keys.map((k) => k.id.toString('hex')));
    expect(ids.size).toBe(1);
    expect(readdirSync(join(dir, 'data'))).toEqual([MASTER_KEY_FILE_NAME]);
  });

  it('prefers the configured key and then writes no file', async () => {
    const bytes = randomBytes(32);
    const key = await resolveMasterKey({ configured: bytes.toString('base64'), dataDir: join(dir, 'data') });
    expect(key.source).toBe('configuration');
    expect(() => statSync(file())).toThrow();
    // the same bytes in the file give the same key id: VANTHU_MASTER_KEY=$(base64 master.key) is equivalent
    const other = mkdtempSync(join(tmpdir(), 'vanthu-master-key-'));
    try {
      writeFileSync(join(other, MASTER_KEY_FILE_NAME), bytes, { mode: 0o600 });
      expect((await resolveMasterKey({ dataDir: other })).id.equals(key.id)).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a configured key of the wrong length', async () => {
    await expect(
      resolveMasterKey({ configured: randomBytes(16).toString('base64'), dataDir: dir }),
    ).rejects.toMatchObject({ code: 'MASTER_KEY_INVALID' });
  });

  it('refuses a key file readable by group or others, naming the file, and leaves it alone', async () => {
    await resolveMasterKey({ dataDir: join(dir, 'data') });
    const before = readFileSync(file());
    chmodSync(file(), 0o640);
    const error = await resolveMasterKey({ dataDir: join(dir, 'data') }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'MASTER_KEY_INVALID', status: 500 });
    expect((error as Error).message).toContain(file());
    expect((error as Error).message).toContain('640');
    chmodSync(file(), 0o604);
    await expect(resolveMasterKey({ dataDir: join(dir, 'data') })).rejects.toMatchObject({
      code: 'MASTER_KEY_INVALID',
    });
    chmodSync(file(), 0o600);
    expect(readFileSync(file()).equals(before)).toBe(true);
  });

  it('refuses a key file of the wrong length instead of replacing it', async () => {
    const path = join(dir, MASTER_KEY_FILE_NAME);
    writeFileSync(path, Buffer.from(randomBytes(32).toString('base64')), { mode: 0o600 });
    const error = await resolveMasterKey({ dataDir: dir }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'MASTER_KEY_INVALID' });
    expect((error as Error).message).toContain('44 byte');
    expect(statSync(path).size).toBe(44);
  });

  it('refuses a directory in place of the key file', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, MASTER_KEY_FILE_NAME));
    await expect(resolveMasterKey({ dataDir: dir })).rejects.toMatchObject({ code: 'MASTER_KEY_INVALID' });
  });
});
