import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { DEMO_PKI_WORLD } from '@vanthu/demo';
import { registerPkiDemoCommand } from './pki-demo.command';

describe('vanthu pki demo', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-pki-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  const program = (): Command => {
    const root = new Command('vanthu').exitOverride();
    registerPkiDemoCommand(root);
    return root;
  };

  it('generates the demo PKI for the demo world and prints a summary', async () => {
    const out = join(dir, 'pki');
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    await program().parseAsync(['node', 'vanthu', 'pki', 'demo', '--out', out]);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { kind: string; path: string }[];
    };
    const organisations = DEMO_PKI_WORLD.organisations.length;
    const people = DEMO_PKI_WORLD.people.length;
    expect(organisations).toBe(13); // the district and its 12 communes
    expect(people).toBe(3); // the demo leaders
    expect(manifest.files.filter((f) => f.kind === 'organisation-pkcs12')).toHaveLength(organisations);
    expect(manifest.files.filter((f) => f.kind === 'personal-pkcs12')).toHaveLength(people);
    for (const file of manifest.files) expect(existsSync(join(out, file.path))).toBe(true);
    const summary = written.join('');
    expect(summary).toContain(`${organisations} cơ quan, ${people} người ký`);
    expect(summary).toContain('khóa cá nhân (.p12): 3');
    expect(summary).toContain(join(out, 'manifest.json'));
  }, 180_000); // 13 seals and 16 key pairs on a loaded 2-core machine

  it('refuses a non-empty directory with exit code 2 unless --force', async () => {
    writeFileSync(join(dir, 'something.txt'), 'x');
    await expect(program().parseAsync(['node', 'vanthu', 'pki', 'demo', '--out', dir])).rejects.toMatchObject(
      { exitCode: 2 },
    );
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
  });

  it('requires --out (a usage error, which the CLI turns into exit code 2)', async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await expect(program().parseAsync(['node', 'vanthu', 'pki', 'demo'])).rejects.toMatchObject({
      code: 'commander.missingMandatoryOptionValue',
    });
  });
});
