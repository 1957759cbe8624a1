import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { issueCertificate, loadPkcs12, writePkcs12 } from '@vanthu/signing';
import type { Page } from 'playwright-core';
import { modal } from './support/antd';
import { WebWorld } from './support/world';

const world = new WebWorld();
beforeAll(() => world.setUp(), 180_000);
beforeEach(() => world.fresh(), 120_000);
afterEach(() => expect(world.problems()).toEqual([]));
afterAll(() => world.tearDown(), 60_000);

interface ManifestFile {
  kind: string;
  path: string;
  passphrase?: string;
  owner?: string;
}

/**
 * A personal .p12 for the district leader, Nguyễn Văn An, issued here by the demo's issuing CA
 * (its key is in the demo PKI of the test's data folder, as it is on a demo installation): a
 * certificate the server trusts, with a serial only this test knows.
 */
function leaderP12(): { p12: Buffer; passphrase: string; serial: string } {
  const pki = join(world.template.dir, 'demo-pki');
  const manifest = JSON.parse(readFileSync(join(pki, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
  const caFile = manifest.files.find((f) => f.kind === 'issuing-ca-pkcs12')!;
  const ca = loadPkcs12(readFileSync(join(pki, caFile.path)), caFile.passphrase!);
  const serialBytes = randomBytes(16);
  serialBytes[0] &= 0x7f; // positive
  serialBytes[0] |= 0x10; // no leading zero byte to drop: the hex keeps its 32 digits
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const now = Date.now();
  const certificate = issueCertificate({
    subject: [
      ['C', 'VN'],
      ['O', "Ủy ban nhân dân huyện Ea H'Leo"],
      ['CN', 'Nguyễn Văn An'],
    ],
    publicKey,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 365 * 86_400_000),
    signer: { privateKey: ca.privateKey, certificate: ca.certificate },
    serialNumber: serialBytes,
    keyUsage: ['digitalSignature', 'nonRepudiation'],
    extendedKeyUsage: ['emailProtection', 'documentSigning'],
    crlDistributionPoints: [`${pathToFileURL(join(pki, 'ca')).href}/issuing-ca.crl`],
  });
  const passphrase = `Ky-so-${randomBytes(4).toString('hex')}`;
  return {
    p12: writePkcs12({ privateKey, certificate, chain: [ca.certificate, ...ca.chain], passphrase }),
    passphrase,
    serial: serialBytes.toString('hex'),
  };
}

/** The demo's signature PNG of a person. */
function signatureImage(username: string): Buffer {
  const pki = join(world.template.dir, 'demo-pki');
  const manifest = JSON.parse(readFileSync(join(pki, 'manifest.json'), 'utf8')) as { files: ManifestFile[] };
  const image = manifest.files.find((f) => f.kind === 'signature-image' && f.owner === username)!;
  return readFileSync(join(pki, image.path));
}

async function signWith(page: Page, entryPath: string, serial: string, passphrase: string): Promise<void> {
  await page.goto(entryPath);
  await page.getByRole('button', { name: 'Ký số' }).click();
  const dialog = modal(page, 'Ký số văn bản');
  await dialog.getByTestId('signature-box').waitFor();
  await dialog.getByLabel('Chứng thư số', { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `…${serial.slice(-8)}` })
    .click();
  await dialog.getByLabel('Mật khẩu chứng thư số').fill(passphrase);
  await dialog.getByRole('button', { name: 'Ký số' }).click();
  // a refusal is shown in the dialog: name it rather than time out
  const signed = page.locator('h1 + .ant-space .tone-tag', { hasText: 'Chờ phát hành' });
  await signed.or(dialog.getByRole('alert')).first().waitFor();
  if (!(await signed.isVisible()))
    throw new Error(`signing refused: ${await dialog.getByRole('alert').textContent()}`);
}

/** The serial the verification panel shows for the document's first signature. */
async function panelSerial(page: Page, entryPath: string): Promise<string> {
  await page.goto(entryPath);
  await page.getByText(/^Chữ ký số 1: Nguyễn Văn An/).waitFor();
  // the panel lists the signatures in order: the first "Số hiệu" is signature 1's certificate
  const text =
    (await page
      .getByText(/^Số hiệu [0-9a-f]+,/)
      .first()
      .textContent()) ?? '';
  return /^Số hiệu ([0-9a-f]+),/.exec(text)?.[1] ?? `no serial in "${text}"`;
}

describe('web: a personal certificate imported, used and replaced', () => {
  it('imports a .p12 with its passphrase, signs with it, replaces it, and each signature names its certificate', async () => {
    const first = leaderP12();
    const renewed = leaderP12();
    const leader = await world.user('huyen.lanhdao');
    const page = leader.page;
    const base = leader.agencyPath();

    await leader.goto('chung-thu-so');
    await page.getByRole('button', { name: 'Nhập chứng thư số' }).click();
    let dialog = modal(page, 'Nhập chứng thư số');
    await dialog.getByLabel('Cá nhân (người ký)').check();
    await dialog
      .getByLabel('Tệp chứng thư (.p12, .pfx)')
      .setInputFiles({ name: 'nguyen-van-an.p12', mimeType: 'application/x-pkcs12', buffer: first.p12 });
    await dialog.getByLabel('Mật khẩu của tệp chứng thư').fill(first.passphrase);
    await dialog.getByRole('button', { name: 'Nhập' }).click();
    await page.getByText('Đã nhập chứng thư số.').waitFor();
    const firstRow = page.getByRole('row', { name: new RegExp(first.serial) });
    await firstRow.getByText('Cá nhân').waitFor();
    // a personal certificate signs with its signature image: the leader's own scanned signature
    await firstRow
      .getByLabel('Tải hình chữ ký cho Nguyễn Văn An')
      .setInputFiles({ name: 'chu-ky.png', mimeType: 'image/png', buffer: signatureImage('huyen.lanhdao') });
    await page.getByText('Đã cập nhật hình chữ ký.').waitFor();

    const one = await world.issueFromDistrict('Về việc ký bằng chứng thư mới nhập', 'approved');
    await signWith(page, `${base}/van-ban/${one.id}`, first.serial, first.passphrase);
    expect(await panelSerial(page, `${base}/van-ban/${one.id}`)).toBe(first.serial);

    // Thay: the renewal takes the place of the first certificate, which is no longer offered
    await leader.goto('chung-thu-so');
    await firstRow.getByRole('button', { name: 'Thay' }).click();
    dialog = modal(page, 'Thay chứng thư số (gia hạn)');
    await dialog
      .getByLabel('Tệp chứng thư (.p12, .pfx)')
      .setInputFiles({ name: 'nguyen-van-an-2.p12', mimeType: 'application/x-pkcs12', buffer: renewed.p12 });
    await dialog.getByLabel('Mật khẩu của tệp chứng thư').fill(renewed.passphrase);
    await dialog.getByRole('button', { name: 'Thay chứng thư' }).click();
    await page.getByText('Đã thay chứng thư số.').waitFor();
    await firstRow.getByText('Đã thay thế').waitFor();
    const renewedRow = page.getByRole('row', { name: new RegExp(renewed.serial) });
    await renewedRow.getByRole('button', { name: 'Thay' }).waitFor();
    // the renewal keeps the leader's signature image: he signs with it without uploading it again

    const two = await world.issueFromDistrict('Về việc ký bằng chứng thư đã gia hạn', 'approved');
    await page.goto(`${base}/van-ban/${two.id}`);
    await page.getByRole('button', { name: 'Ký số' }).click();
    await modal(page, 'Ký số văn bản').getByLabel('Chứng thư số', { exact: true }).click();
    // the list is read once the certificates have arrived (the renewal is among them)
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: renewed.serial.slice(-8) }).waitFor();
    // read until the list holds the renewal (the dropdown may be re-aligned, hidden for a frame, as
    // the list settles; allTextContents does not wait)
    let offered: string[] = [];
    for (let i = 0; i < 50 && !offered.some((o) => o.includes(renewed.serial.slice(-8))); i++) {
      if (i > 0) await page.waitForTimeout(100);
      offered = await options.allTextContents();
    }
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.some((o) => o.includes(first.serial.slice(-8)))).toBe(false);
    await page.keyboard.press('Escape');
    await modal(page, 'Ký số văn bản').getByRole('button', { name: 'Hủy' }).click();
    await signWith(page, `${base}/van-ban/${two.id}`, renewed.serial, renewed.passphrase);
    expect(await panelSerial(page, `${base}/van-ban/${two.id}`)).toBe(renewed.serial);
    // the first document still names the certificate it was signed with
    expect(await panelSerial(page, `${base}/van-ban/${one.id}`)).toBe(first.serial);

    const stored = await world.api.call<{ items: { serialNumber: string; status: string }[] }>(
      'huyen.lanhdao',
      'GET',
      `/api/v1/agencies/${await world.api.agencyOf('huyen.lanhdao')}/certificates?limit=100`,
    );
    const statuses = new Map(stored.items.map((c) => [c.serialNumber, c.status]));
    expect(statuses.get(first.serial)).toBe('replaced');
    expect(statuses.get(renewed.serial)).toBe('active');
  });
});
