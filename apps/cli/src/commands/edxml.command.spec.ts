import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { syntheticPdf } from '../../../../libs/edxml/test-fixtures/edxml-samples';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function spawn(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [file, ...args], {
      cwd: ROOT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** `vanthu edxml …` as a real process: the CLI compiled with swc, as `npm run build` would. */
describe('vanthu edxml (CLI)', () => {
  let dir: string;
  let pki: TestPki;
  const file = (name: string): string => join(dir, name);
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const cli = (...args: string[]) =>
    spawn(join(dir, 'dist/apps/cli/src/main.js'), ['edxml', ...args], {
      ...process.env,
      NODE_PATH: join(ROOT, 'node_modules'),
      ORG_P12_PASSWORD: pki.organisations[0].passphrase,
      RECIPIENT_P12_PASSWORD: pki.organisations[1].passphrase,
    });
  const key = (i: 0 | 1) => [
    '--p12',
    pki.organisations[i].path,
    '--password-env',
    i === 0 ? 'ORG_P12_PASSWORD' : 'RECIPIENT_P12_PASSWORD',
  ];
  const trust = () => ['--trust', pki.rootCertificatePath, '--crl', pki.issuingCrlPath];
  const metadata = {
    typeCode: 'QD',
    codeNumber: '07',
    codeNotation: 'QĐ-UBND',
    issuedDate: '2025-03-14',
    subject: 'Về việc ban hành Quy chế làm việc',
    signerInfo: { position: 'Chủ tịch', fullName: 'Nguyễn Văn Ấn' },
    priority: 'urgent',
    toPlaces: 'Như Điều 3;\nLưu: VT.',
    from: { organId: '000.00.01.H57', organName: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế' },
    to: [{ organId: '000.00.12.H57', organName: 'Sở Nội vụ tỉnh Thừa Thiên Huế' }],
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-cli-edxml-'));
    await run(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps/cli/src', 'libs', '-d', join(dir, 'dist'), '--config-file', '.swcrc', '--copy-files', '--quiet'],
      { cwd: ROOT },
    );
    pki = await getTestPki();
    await writeFile(file('qd.pdf'), syntheticPdf(150_000));
    await writeFile(file('phu-luc.txt'), 'Phụ lục: danh sách đơn vị\n');
    await writeFile(file('meta.json'), JSON.stringify(metadata));
    const packed = await cli(
      'pack',
      '--pdf',
      file('qd.pdf'),
      '--attachment',
      file('phu-luc.txt'),
      '--metadata',
      file('meta.json'),
      ...key(0),
      '--out',
      file('goi.edxml'),
    );
    expect(packed).toMatchObject({ code: 0 });
    expect(packed.stdout).toContain('000.00.01.H57,2025/03/14,07/QĐ-UBND');
  }, 240_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('verify: 0 for the signed package against the root and CRL, 1 once changed, 2 without --trust', async () => {
    const ok = await cli('verify', file('goi.edxml'), ...trust());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Kết luận: chữ ký gói tin HỢP LỆ.');
    const changed = (await readFile(file('goi.edxml'), 'utf8')).replace('Quy chế làm việc', 'Quy chế khác');
    await writeFile(file('sua.edxml'), changed);
    const bad = await cli('verify', file('sua.edxml'), ...trust());
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('DIGEST_MISMATCH');
    expect((await cli('verify', file('goi.edxml'))).code).toBe(2);
    const untrusted = await cli(
      'verify',
      file('goi.edxml'),
      '--trust',
      join(pki.dir, 'ca', 'tsa.pem'),
      '--json',
    );
    expect(untrusted.code).toBe(1);
    expect(JSON.parse(untrusted.stdout)).toMatchObject({
      verdict: 'indeterminate',
      intact: true,
      trusted: false,
    });
  });

  it('inspect: every field, attachments with SHA-256, the verdict; --json the same as data', async () => {
    const text = await cli('inspect', file('goi.edxml'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Trích yếu: Về việc ban hành Quy chế làm việc');
    expect(text.stdout).toContain('Nơi nhận: Sở Nội vụ tỉnh Thừa Thiên Huế (000.00.12.H57)');
    expect(text.stdout).toContain(`SHA-256 ${sha256(await readFile(file('qd.pdf')))}`);
    const json = await cli('inspect', file('goi.edxml'), '--json', ...trust());
    const parsed = JSON.parse(json.stdout) as {
      header: { otherInfo: { priority: number } };
      attachments: { sha256: string; size: number }[];
      signature: { verdict: string };
    };
    expect(parsed.header.otherInfo.priority).toBe(1);
    expect(parsed.attachments.map((a) => a.sha256)).toEqual([
      sha256(await readFile(file('qd.pdf'))),
      sha256(await readFile(file('phu-luc.txt'))),
    ]);
    expect(parsed.signature.verdict).toBe('valid');
  });

  it('inspect: 2 with the stable code and the position for a package that is not well-formed, 2 for a missing file', async () => {
    const broken = (await readFile(file('goi.edxml'), 'utf8')).replace('</edXML:Subject>', '');
    await writeFile(file('hong.edxml'), broken);
    const r = await cli('inspect', file('hong.edxml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('EDXML_NOT_WELL_FORMED');
    expect(r.stderr).toMatch(/"line":\d+,"column":\d+/);
    expect((await cli('inspect', file('khong-co.edxml'))).code).toBe(2);
  });

  it('unpack: the attachments as files, never overwriting', async () => {
    const r = await cli('unpack', file('goi.edxml'), '--out', file('tach'));
    expect(r.code).toBe(0);
    expect((await readFile(file('tach/qd.pdf'))).equals(await readFile(file('qd.pdf')))).toBe(true);
    expect(await readFile(file('tach/phu-luc.txt'), 'utf8')).toBe('Phụ lục: danh sách đơn vị\n');
    expect((await cli('unpack', file('goi.edxml'), '--out', file('tach'))).code).toBe(2);
  });

  it('status: a signed 03 from the recipient, and a 13 from the sender naming the recipient', async () => {
    const r = await cli(
      'status',
      '--for',
      file('goi.edxml'),
      '--code',
      '03',
      '--description',
      'Đã vào sổ',
      ...key(1),
      '--out',
      file('tt03.edxml'),
    );
    expect(r.code).toBe(0);
    expect((await cli('verify', file('tt03.edxml'), ...trust())).code).toBe(0);
    const s = JSON.parse((await cli('inspect', file('tt03.edxml'), '--json')).stdout) as {
      status: Record<string, unknown>;
    };
    expect(s.status).toMatchObject({
      statusCode: '03',
      description: 'Đã vào sổ',
      from: { organId: '000.00.12.H57' },
      responseFor: {
        organId: '000.00.01.H57',
        code: '07/QĐ-UBND',
        documentId: '000.00.01.H57,2025/03/14,07/QĐ-UBND',
      },
    });
    expect(
      (
        await cli(
          'status',
          '--for',
          file('goi.edxml'),
          '--code',
          '13',
          ...key(0),
          '--out',
          file('tt13.edxml'),
        )
      ).code,
    ).toBe(0);
    const t = JSON.parse((await cli('inspect', file('tt13.edxml'), '--json')).stdout) as {
      status: Record<string, unknown>;
    };
    expect(t.status).toMatchObject({
      statusCode: '13',
      from: { organId: '000.00.01.H57' },
      responseFor: { organId: '000.00.12.H57' },
    });
    expect(
      (await cli('status', '--for', file('goi.edxml'), '--code', '07', ...key(1), '--out', file('x.edxml')))
        .code,
    ).toBe(2);
  });

  it('pack: 2 for bad metadata or input (nothing written), 1 for a wrong passphrase', async () => {
    await writeFile(
      file('bad.json'),
      JSON.stringify({ ...metadata, from: { organId: 'vxp.saas.03', organName: 'X' } }),
    );
    const bad = await cli(
      'pack',
      '--pdf',
      file('qd.pdf'),
      '--metadata',
      file('bad.json'),
      ...key(0),
      '--out',
      file('bad.edxml'),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('EDXML_INVALID_INPUT');
    expect(bad.stderr).toContain('from.organId');
    expect(existsSync(file('bad.edxml'))).toBe(false);
    const notPdf = await cli(
      'pack',
      '--pdf',
      file('phu-luc.txt'),
      '--metadata',
      file('meta.json'),
      ...key(0),
      '--out',
      file('x.edxml'),
    );
    expect(notPdf.code).toBe(2);
    const noPassword = await cli(
      'pack',
      '--pdf',
      file('qd.pdf'),
      '--metadata',
      file('meta.json'),
      '--p12',
      pki.organisations[0].path,
      '--out',
      file('x.edxml'),
    );
    expect(noPassword.code).toBe(2);
    const wrong = await cli(
      'pack',
      '--pdf',
      file('qd.pdf'),
      '--metadata',
      file('meta.json'),
      '--p12',
      pki.organisations[0].path,
      '--password-env',
      'RECIPIENT_P12_PASSWORD',
      '--out',
      file('x.edxml'),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('P12_PASSWORD_WRONG');
    expect(existsSync(file('x.edxml'))).toBe(false);
  });

  it('runs through the package.json bin (bin/vanthu.cjs)', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin.vanthu).toBe('bin/vanthu.cjs');
    const r = await spawn(join(ROOT, pkg.bin.vanthu), ['edxml', 'inspect', file('goi.edxml')], process.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Trích yếu: Về việc ban hành Quy chế làm việc');
  }, 120_000);
});
