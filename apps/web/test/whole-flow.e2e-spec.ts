import type { Page } from 'playwright-core';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { choose, modal } from './support/antd';
import {
  type DemoTemplate,
  type RunningServer,
  sharedDemoTemplate,
  startFromTemplate,
} from './support/built-server';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { vietnamDateIn } from './support/vietnam-date';
import { WebUser } from './support/web-user';

/**
 * The README's whole flow in the browser, each person in their own session: the district drafts,
 * its leader signs, its clerk issues to two communes; Ea Drăng registers, assigns and replies, and
 * the reply closes the document; the district sees status 06 from Ea Drăng.
 */
describe('web: district → two communes → reply closes', () => {
  let template: DemoTemplate;
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const users = new Map<string, WebUser>();

  beforeAll(async () => {
    [template, chromium] = await Promise.all([sharedDemoTemplate(), launchChromium()]);
    server = await startFromTemplate(template);
  }, 180_000);
  afterAll(async () => {
    for (const u of users.values()) await u.close();
    await chromium?.close();
    await server?.stop();
    template?.remove();
  });

  async function as(username: string): Promise<Page> {
    let user = users.get(username);
    if (!user) {
      user = await WebUser.open(chromium.browser, server.url, username);
      users.set(username, user);
    }
    return user.page;
  }

  async function click(page: Page, name: string) {
    await page.getByRole('button', { name, exact: true }).click();
  }

  async function expectStatus(page: Page, status: string) {
    await page.locator('h1 + .ant-space .tone-tag', { hasText: status }).first().waitFor();
  }

  async function draft(
    page: Page,
    agencyPath: string,
    signer: string,
    type: string,
    subject: string,
    recipients: string[],
  ) {
    await page.goto(`${agencyPath}/van-ban-di/du-thao-moi`);
    await fillDraft(page, signer, type, subject, recipients);
  }

  async function fillDraft(page: Page, signer: string, type: string, subject: string, recipients: string[]) {
    await page.getByLabel('Tệp dự thảo (PDF)').setInputFiles({
      name: 'du-thao.pdf',
      mimeType: 'application/pdf',
      buffer: await nd30Pdf({ signerName: signer }),
    });
    await choose(page, 'Loại văn bản', type);
    await page.getByLabel('Trích yếu').fill(subject);
    await choose(page, 'Người ký', signer);
    for (const r of recipients) await choose(page, 'Nơi nhận', r, true);
    await click(page, 'Lưu dự thảo');
    await page.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    await click(page, 'Trình');
    await expectStatus(page, 'Chờ xem xét');
  }

  async function approveAndSign(page: Page, url: string, passphrase: string) {
    await page.goto(url);
    await click(page, 'Chuyển người ký');
    await expectStatus(page, 'Chờ duyệt');
    await click(page, 'Duyệt');
    await expectStatus(page, 'Chờ ký');
    await click(page, 'Ký số');
    const dialog = modal(page, 'Ký số văn bản');
    await dialog.getByTestId('signature-box').waitFor();
    await dialog.getByLabel('Mật khẩu chứng thư số').fill(passphrase);
    await dialog.getByRole('button', { name: 'Ký số' }).click();
    await expectStatus(page, 'Chờ phát hành');
  }

  async function issue(page: Page, url: string, expectedNumber: string) {
    await page.goto(url);
    await click(page, 'Phát hành');
    const dialog = modal(page, 'Phát hành văn bản');
    await expect(dialog.getByTestId('issue-number').textContent()).resolves.toBe(`Số: ${expectedNumber}`);
    await dialog.getByRole('button', { name: 'Xác nhận phát hành' }).click();
    await expectStatus(page, 'Đã phát hành');
    await expect(page.locator('h1').textContent()).resolves.toContain(expectedNumber);
  }

  it('drafts, signs, issues, registers, assigns, replies and closes through the UI', async () => {
    // 1. the district's specialist drafts and submits
    const spec = await as('huyen.chuyenvien');
    const district = users.get('huyen.chuyenvien')!.agencyPath();
    await draft(
      spec,
      district,
      'Nguyễn Văn An',
      'Công văn',
      'Về việc báo cáo tình hình xử lý văn bản điện tử',
      ['Ea Drăng', 'Ea Sol'],
    );
    const decisionUrl = new URL(spec.url()).pathname;

    // 2. the leader forwards, approves and signs; 3. the clerk issues with the number previewed
    await approveAndSign(await as('huyen.lanhdao'), decisionUrl, template.passphrases['huyen.lanhdao']);
    await issue(await as('huyen.vanthu'), decisionUrl, '01/UBND-VP');

    // 4. Ea Drăng's clerk finds it waiting on the desk and registers it, signatures shown valid
    const clerkA = await as('eadrang.vanthu');
    await clerkA.getByRole('link', { name: /Chờ vào sổ: 1 văn bản/ }).click();
    await clerkA.getByRole('link', { name: 'Về việc báo cáo tình hình xử lý văn bản điện tử' }).click();
    await clerkA.getByText('Kết quả: Hợp lệ').waitFor();
    await expect(clerkA.getByTestId('signature-item').count()).resolves.toBe(2);
    await click(clerkA, 'Vào sổ');
    await modal(clerkA, 'Vào sổ văn bản đến').getByRole('button', { name: 'Vào sổ' }).click();
    await expectStatus(clerkA, 'Chờ phân công');
    const incomingUrl = new URL(clerkA.url()).pathname;

    // 5. its leader assigns the lead to the specialist with a deadline
    const leaderA = await as('eadrang.lanhdao');
    await leaderA.goto(incomingUrl);
    await click(leaderA, 'Phân công xử lý');
    const assign = modal(leaderA, 'Phân công xử lý');
    await choose(leaderA, 'Chủ trì', 'Đỗ Văn Hải');
    await assign.getByLabel('Hạn xử lý (chủ trì)').fill(vietnamDateIn(5));
    await assign.getByLabel('Hạn xử lý (chủ trì)').press('Enter');
    await assign.getByLabel('Ý kiến chỉ đạo', { exact: true }).fill('Đồng chí Hải chủ trì tham mưu trả lời');
    await assign.getByRole('button', { name: 'Phân công' }).click();
    await expectStatus(leaderA, 'Đã phân công');

    // 6. the specialist finds it in "Chờ xử lý" and drafts the reply to the district
    const specA = await as('eadrang.chuyenvien');
    await specA.goto(`${users.get('eadrang.chuyenvien')!.agencyPath()}/van-ban-den?tab=cho-xu-ly`);
    await specA.getByRole('link', { name: 'Về việc báo cáo tình hình xử lý văn bản điện tử' }).click();
    await click(specA, 'Soạn văn bản trả lời');
    await specA.getByText(/Văn bản trả lời cho: 01\/UBND-VP/).waitFor();
    await fillDraft(specA, 'Y Khu Niê', 'Báo cáo', 'Báo cáo tình hình xử lý văn bản điện tử', []);
    const replyUrl = new URL(specA.url()).pathname;
    await approveAndSign(leaderA, replyUrl, template.passphrases['eadrang.lanhdao']);
    await issue(clerkA, replyUrl, '01/BC-UBND');

    // the reply closed Ea Drăng's entry; the district sees 06 from Ea Drăng and only 01 from Ea Sol
    await clerkA.goto(incomingUrl);
    await expectStatus(clerkA, 'Đã xử lý');
    const clerk = await as('huyen.vanthu');
    await clerk.goto(decisionUrl);
    await clerk.getByRole('tab', { name: 'Gửi nhận' }).click();
    const toA = clerk.getByTestId('delivery').filter({ hasText: 'Ủy ban nhân dân thị trấn Ea Drăng' });
    await expect(toA.textContent()).resolves.toMatch(/trạng thái 06/);
    const toB = clerk.getByTestId('delivery').filter({ hasText: 'Ủy ban nhân dân xã Ea Sol' });
    await expect(toB.textContent()).resolves.toMatch(/trạng thái 01/);
    await clerk.locator('a', { hasText: '01/BC-UBND' }).waitFor();

    for (const u of users.values()) expect(u.problems.errors).toEqual([]);
  }, 300_000);
});
