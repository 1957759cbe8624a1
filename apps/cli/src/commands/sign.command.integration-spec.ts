import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { nd30Pdf } from '../../../../libs/signing/test-fixtures/nd30-document';
import { pdfsig } from '../../../../libs/signing/test-fixtures/pdf-validators';
import { SHARED_PDF_DIR } from '../../../../libs/signing/test-fixtures/shared-fixtures';
import { registerSignCommand } from './sign.command';

let pki: TestPki;
let dir: string;
let nd30: string;

interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `vanthu sign …` in this process the way main.ts does: commander's own usage errors end with
 * 2, a thrown error prints `vanthu: <message>` and ends with its exitCode (1 by default).
 */
async function vanthu(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('vanthu')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerSignCommand(program, env);
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    await program.parseAsync(['node', 'vanthu', ...args]);
    return { exitCode: 0, stdout: out.join(''), stderr: err.join('') };
  } catch (error) {
    const e = error as { code?: string; exitCode?: number; message: string };
    if (e.code?.startsWith('commander.')) return { exitCode: 2, stdout: out.join(''), stderr: err.join('') };
    err.push(`vanthu: ${e.message}\n`);
    return {
      exitCode: typeof e.exitCode === 'number' ? e.exitCode : 1,
      stdout: out.join(''),
      stderr: err.join(''),
    };
  } finally {
    write.mockRestore();
  }
}

beforeAll(async () => {
  pki = await getTestPki();
  dir = await mkdtemp(join(tmpdir(), 'vanthu-cli-sign-'));
  nd30 = join(dir, 'nd30.pdf');
  await writeFile(nd30, await nd30Pdf());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vanthu sign', () => {
  it('signs as the leader, then as the clerk with number, date and seal', async () => {
    const leader = pki.people[0];
    const clerk = pki.organisations[0];
    const signed = join(dir, 'leader.pdf');
    const first = await vanthu(
      [
        'sign',
        '--in',
        nd30,
        '--out',
        signed,
        '--p12',
        leader.path,
        '--password-env',
        'LEADER_P12',
        '--role',
        'personal',
        '--image',
        leader.signatureImagePath,
      ],
      { LEADER_P12: leader.passphrase },
    );
    expect(first).toMatchObject({ exitCode: 0, stderr: '' });
    const passwordFile = join(dir, 'clerk.pass');
    await writeFile(passwordFile, `${clerk.passphrase}\n`);
    const issued = join(dir, 'issued.pdf');
    const second = await vanthu([
      'sign',
      '--in',
      signed,
      '--out',
      issued,
      '--p12',
      clerk.path,
      '--password-file',
      passwordFile,
      '--role',
      'organisation',
      '--image',
      clerk.sealImagePath,
      '--number',
      '12',
      '--notation',
      'QĐ-UBND',
      '--date',
      '2026-11-25',
    ]);
    expect(second).toMatchObject({ exitCode: 0, stderr: '' });
    const output = await readFile(issued);
    expect(output.subarray(0, (await readFile(signed)).length).equals(await readFile(signed))).toBe(true);
    const signatures = await pdfsig(issued);
    expect(signatures.length).toBe(4);
    for (const s of signatures) expect(s.validation).toBe('Signature is Valid.');
  });

  it('signs an attachment at an explicit rectangle', async () => {
    const clerk = pki.organisations[0];
    const out = join(dir, 'attachment.pdf');
    const result = await vanthu(
      [
        'sign',
        '--in',
        join(SHARED_PDF_DIR, 'pyhanko-minimal.pdf'),
        '--out',
        out,
        '--p12',
        clerk.path,
        '--password-env',
        'P',
        '--role',
        'attachment',
        '--number',
        '3',
        '--notation',
        'TB-UBND',
        '--org-name',
        clerk.name,
        '--page',
        '1',
        '--rect',
        '10,10,200,60',
      ],
      { P: clerk.passphrase },
    );
    expect(result.exitCode).toBe(0);
    expect((await pdfsig(out))[0].validation).toBe('Signature is Valid.');
  });

  it('takes explicit positions for number, date and seal on a document without an ND30 header', async () => {
    const clerk = pki.organisations[0];
    const out = join(dir, 'explicit-organisation.pdf');
    const result = await vanthu(
      [
        'sign',
        '--in',
        join(SHARED_PDF_DIR, 'pyhanko-minimal.pdf'),
        '--out',
        out,
        '--p12',
        clerk.path,
        '--password-env',
        'P',
        '--role',
        'organisation',
        '--image',
        clerk.sealImagePath,
        '--number',
        '8',
        '--notation',
        'CV-UBND',
        '--date',
        '2026-03-02',
        '--place',
        "Ea H'Leo",
        '--number-rect',
        '5,110,120,20',
        '--date-rect',
        '130,110,165,20',
        '--rect',
        '100,20,80,80',
        '--seal-mm',
        '30',
      ],
      { P: clerk.passphrase },
    );
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const signatures = await pdfsig(out);
    expect(signatures).toHaveLength(3);
    for (const s of signatures) expect(s.validation).toBe('Signature is Valid.');
  });

  it('exits 1 with the code and Vietnamese message on a signing error, writes nothing, never prints the passphrase', async () => {
    const leader = pki.people[0];
    const wrong = 'mat-khau-sai-123';
    const out = join(dir, 'wrong-password.pdf');
    const result = await vanthu(
      ['sign', '--in', nd30, '--out', out, '--p12', leader.path, '--password-env', 'P', '--role', 'personal'],
      { P: wrong },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('P12_PASSWORD_WRONG: Mật khẩu của tệp PKCS#12 không đúng.');
    expect(result.stderr + result.stdout).not.toContain(wrong);
    expect(existsSync(out)).toBe(false);

    const notFound = join(dir, 'not-found.pdf');
    const placement = await vanthu(
      [
        'sign',
        '--in',
        join(SHARED_PDF_DIR, 'pyhanko-minimal.pdf'),
        '--out',
        notFound,
        '--p12',
        leader.path,
        '--password-env',
        'P',
        '--role',
        'personal',
        '--image',
        leader.signatureImagePath,
      ],
      { P: leader.passphrase },
    );
    expect(placement.exitCode).toBe(1);
    expect(placement.stderr).toContain('PLACEMENT_NOT_FOUND');
    expect(existsSync(notFound)).toBe(false);

    const encrypted = join(dir, 'encrypted.pdf');
    const refused = await vanthu(
      [
        'sign',
        '--in',
        join(SHARED_PDF_DIR, 'pyhanko-minimal-aes256.pdf'),
        '--out',
        encrypted,
        '--p12',
        leader.path,
        '--password-env',
        'P',
        '--role',
        'personal',
      ],
      { P: leader.passphrase },
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('PDF_ENCRYPTED: Tệp PDF đã được mã hóa');
    expect(existsSync(encrypted)).toBe(false);
  });

  it.each([
    [
      'an unreadable input',
      (p: string) => [
        '--in',
        join(dir, 'missing.pdf'),
        '--out',
        join(dir, 'x1.pdf'),
        '--p12',
        p,
        '--password-env',
        'P',
        '--role',
        'personal',
      ],
    ],
    [
      'an unknown role',
      (p: string) => [
        '--in',
        nd30,
        '--out',
        join(dir, 'x2.pdf'),
        '--p12',
        p,
        '--password-env',
        'P',
        '--role',
        'boss',
      ],
    ],
    [
      'a malformed rectangle',
      (p: string) => [
        '--in',
        nd30,
        '--out',
        join(dir, 'x3.pdf'),
        '--p12',
        p,
        '--password-env',
        'P',
        '--role',
        'personal',
        '--rect',
        '1,2,three',
      ],
    ],
    [
      'no password option',
      (p: string) => ['--in', nd30, '--out', join(dir, 'x4.pdf'), '--p12', p, '--role', 'personal'],
    ],
    [
      'an unset password variable',
      (p: string) => [
        '--in',
        nd30,
        '--out',
        join(dir, 'x5.pdf'),
        '--p12',
        p,
        '--password-env',
        'NOT_SET',
        '--role',
        'personal',
      ],
    ],
    [
      'a missing required option',
      (p: string) => ['--in', nd30, '--p12', p, '--password-env', 'P', '--role', 'personal'],
    ],
    [
      'an organisation without number',
      (p: string) => [
        '--in',
        nd30,
        '--out',
        join(dir, 'x6.pdf'),
        '--p12',
        p,
        '--password-env',
        'P',
        '--role',
        'organisation',
        '--notation',
        'QĐ-UBND',
      ],
    ],
  ])('exits 2 for %s and writes nothing', async (_what, args) => {
    const leader = pki.people[0];
    const argv = args(leader.path);
    const result = await vanthu(['sign', ...argv], { P: leader.passphrase });
    expect(result.exitCode).toBe(2);
    const out = argv[argv.indexOf('--out') + 1];
    if (argv.includes('--out')) expect(existsSync(out)).toBe(false);
    expect(result.stderr + result.stdout).not.toContain(leader.passphrase);
  });
});
