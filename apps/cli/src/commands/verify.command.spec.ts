import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withOpenActionScript } from '../../../../libs/signing/test-fixtures/verify/crafted-pdf';
import { addPageAfterSigning } from '../../../../libs/signing/test-fixtures/verify/tampering';
import { signPdf } from '../../../../libs/signing/src/pdf/sign-pdf';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../../..');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `vanthu verify` as a real process: the CLI compiled with swc, as `npm run build` would */
describe('vanthu verify (CLI exit codes)', () => {
  let dir: string;
  let pki: TestPki;
  const file = (name: string): string => join(dir, name);
  const cli = async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(
        'node',
        [join(dir, 'dist/apps/cli/src/main.js'), 'verify', ...args],
        {
          cwd: ROOT,
          // the compiled copy lives outside the repository; let it find the repository's packages
          env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vanthu-cli-verify-'));
    await run(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps/cli/src', 'libs', '-d', join(dir, 'dist'), '--config-file', '.swcrc', '--copy-files', '--quiet'],
      {
        cwd: ROOT,
      },
    );
    pki = await getTestPki();
    const doc = await readFile(join(ROOT, 'libs/signing/test-fixtures/verify/quyet-dinh-libreoffice.pdf'));
    const signed = await signPdf(doc, { role: 'personal', identity: pki.people[0].identity });
    await writeFile(file('signed.pdf'), signed);
    await writeFile(file('page-added.pdf'), addPageAfterSigning(signed));
    await writeFile(file('unsigned.pdf'), doc);
    await writeFile(
      file('scripted.pdf'),
      await signPdf(withOpenActionScript(doc), { role: 'personal', identity: pki.people[0].identity }),
    );
    await writeFile(file('not-a.pdf'), 'hello');
  }, 180_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The test root as trust anchor and its CRL as revocation evidence. */
  const trustedWithCrl = () => ['--trust', pki.rootCertificatePath, '--crl', pki.issuingCrlPath];

  it('0 for a signed document that is valid against the given root and CRL, with a Vietnamese summary', async () => {
    const r = await cli('--in', file('signed.pdf'), ...trustedWithCrl());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Chữ ký 1 (trường "PersonalSignature1"): HỢP LỆ');
    expect(r.stdout).toContain('Người ký: Nguyễn Văn Ấn');
    expect(r.stdout).toContain('Kết luận: tài liệu HỢP LỆ.');
  });

  it('--json prints the whole report', async () => {
    const r = await cli('--in', file('signed.pdf'), ...trustedWithCrl(), '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      verdict: string;
      signatures: Array<{ signer: { commonName: string } }>;
    };
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0].signer.commonName).toBe('Nguyễn Văn Ấn');
  });

  it('1 when a page was added after signing, when nothing is trusted, and when there is no signature', async () => {
    const tampered = await cli('--in', file('page-added.pdf'), '--trust', pki.rootCertificatePath);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('Thêm trang mới vào tài liệu (KHÔNG được phép)');
    expect((await cli('--in', file('signed.pdf'))).code).toBe(1);
    // trusted but no revocation evidence: not "valid", so not 0
    expect((await cli('--in', file('signed.pdf'), '--trust', pki.rootCertificatePath)).code).toBe(1);
    const unsigned = await cli('--in', file('unsigned.pdf'), '--trust', pki.rootCertificatePath);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toContain('KHÔNG CÓ CHỮ KÝ SỐ');
  });

  it('names active content once, above the signatures, and qualifies the conclusion of a valid signature', async () => {
    const r = await cli('--in', file('scripted.pdf'), ...trustedWithCrl());
    expect(r.code).toBe(0);
    expect(r.stdout.split('(ACTIVE_CONTENT)')).toHaveLength(2);
    expect(r.stdout).toContain(
      '  ! Phát hiện: mã JavaScript; hành động tự thực hiện khi mở tài liệu (/OpenAction).',
    );
    expect(r.stdout).toContain(
      'Kết luận: tài liệu HỢP LỆ, NHƯNG CÓ NỘI DUNG CHỦ ĐỘNG (xem cảnh báo ở trên).',
    );
    const clean = await cli('--in', file('signed.pdf'), ...trustedWithCrl());
    expect(clean.stdout).not.toContain('ACTIVE_CONTENT');
  });

  it('2 for usage errors and unreadable input', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('--in', file('signed.pdf'), '--no-such-option')).code).toBe(2);
    expect((await cli('--in', file('missing.pdf'))).code).toBe(2);
    const notPdf = await cli('--in', file('not-a.pdf'));
    expect(notPdf.code).toBe(2);
    expect(notPdf.stderr).toContain('PDF_NOT_PDF');
    expect((await cli('--in', file('signed.pdf'), '--trust', file('missing.pem'))).code).toBe(2);
  });
});
