import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storageKeyOf } from '@vanthu/documents';
import { FilesystemObjectStorage } from '@vanthu/storage';
import { Client } from 'pg';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { choose, modal } from './support/antd';
import { databaseUrl } from './support/built-server';
import { vietnamDateIn } from './support/vietnam-date';
import { WebWorld } from './support/world';

const world = new WebWorld();
beforeAll(() => world.setUp(), 180_000);
beforeEach(() => world.fresh(), 120_000);
afterEach(() => expect(world.problems()).toEqual([]));
afterAll(() => world.tearDown(), 60_000);

/** The computed text colour of an element (runs in the page; typed without the DOM library). */
const colorOf = (element: unknown) =>
  (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(element)
    .color;

describe('web: incoming and outgoing documents', () => {
  it('registers a paper document with the keyboard only, warns of the duplicate and registers it on confirmation', async () => {
    const clerk = await world.user('easol.vanthu');
    const page = clerk.page;
    const pdf = await nd30Pdf({ signerName: 'Lê Thị Mai' });
    const fillForm = async () => {
      await clerk.goto('van-ban-den/vao-so');
      // the file is chosen through the picker (a native dialog Playwright answers); everything else by keys
      await page
        .getByLabel('Tệp văn bản (PDF)')
        .setInputFiles({ name: 'cong-van.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByLabel('Tệp văn bản (PDF)').focus();
      const k = page.keyboard;
      // Tab until the field is focused (a date picker's clear button is a stop of its own), at most 12 presses
      const tabTo = async (id: string) => {
        const passed: string[] = [];
        for (let i = 0; i < 12; i++) {
          await k.press('Tab');
          const focused = String(
            await page.evaluate(
              '(e => e ? (e.id || e.tagName + "." + (e.getAttribute("aria-label") ?? e.className)) : "")(document.activeElement)',
            ),
          );
          if (focused === id) return;
          passed.push(focused);
        }
        throw new Error(`Tab never reached #${id}; focus went through: ${passed.join(' → ')}`);
      };
      await tabTo('typeCode');
      await k.type('Công văn');
      // the list filters as one types; Enter takes the highlighted option once it is there
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: 'Công văn' })
        .waitFor();
      await k.press('Enter');
      // the choice is made and the list closed before moving on
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      await page
        .locator('.ant-select', { has: page.locator('#typeCode') })
        .getByText('Công văn')
        .waitFor();
      await tabTo('codeNumber');
      await k.type('125');
      await tabTo('codeNotation');
      await k.type('SNV-VP');
      await tabTo('issuedDate');
      await k.type('01/12/2026');
      await k.press('Enter');
      await tabTo('organName');
      await k.type('Sở Nội vụ tỉnh Đắk Lắk');
      await tabTo('subject');
      await k.type('Về việc hướng dẫn lưu trữ hồ sơ điện tử');
      await tabTo('pageAmount');
      await k.type('2');
      await k.press('Enter'); // submits the form
    };

    await fillForm();
    await page.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    await page.getByText('Chờ phân công').first().waitFor();
    await page.getByRole('tab', { name: 'Chi tiết' }).click();
    await expect(page.locator('.ant-descriptions-row', { hasText: 'Số đến' }).textContent()).resolves.toBe(
      'Số đến01',
    );
    await expect(
      page.locator('.ant-descriptions-row', { hasText: 'Cơ quan ban hành' }).textContent(),
    ).resolves.toContain('Sở Nội vụ tỉnh Đắk Lắk');

    // the same document again: the warning, then a keyboard confirmation
    await fillForm();
    const warning = page.getByRole('alert').filter({ hasText: 'Cảnh báo trùng văn bản' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('Văn bản đã có: số/ký hiệu 125/SNV-VP');
    await warning.getByRole('button', { name: 'Xác nhận đây là văn bản khác và vào sổ' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/van-ban\/[0-9a-f-]{36}$/);
    await page.getByRole('tab', { name: 'Chi tiết' }).click();
    await expect(page.locator('.ant-descriptions-row', { hasText: 'Số đến' }).textContent()).resolves.toBe(
      'Số đến02',
    );
  });

  it('assigns with a deadline shown in words and colour, and shows it overdue once the date has passed', async () => {
    const issued = await world.issueFromDistrict('Về việc rà soát thủ tục hành chính');
    const [received] = await world.api.inbox('eadrang.vanthu');
    const agencyId = await world.api.agencyOf('eadrang.vanthu');
    await world.api.call(
      'eadrang.vanthu',
      'POST',
      `/api/v1/agencies/${agencyId}/incoming/${received.id}/register`,
      {
        version: received.version,
      },
    );
    expect(issued.numberNotation).toBe('01/UBND-VP');

    const leader = await world.user('eadrang.lanhdao');
    await leader.goto(`van-ban/${received.id}`);
    await leader.page.getByRole('button', { name: 'Phân công xử lý' }).click();
    const dialog = modal(leader.page, 'Phân công xử lý');
    await choose(leader.page, 'Chủ trì', 'Đỗ Văn Hải');
    await dialog.getByLabel('Hạn xử lý (chủ trì)').fill(vietnamDateIn(2));
    await dialog.getByLabel('Hạn xử lý (chủ trì)').press('Enter');
    await choose(leader.page, 'Để biết', 'Phòng', true);
    await dialog.getByRole('button', { name: 'Phân công' }).click();
    await leader.page.getByText('Đã phân công').first().waitFor();
    await leader.page.getByRole('tab', { name: 'Xử lý' }).click();
    await leader.page.getByText('Chủ trì').first().waitFor();

    await leader.goto('van-ban-den?tab=dang-xu-ly');
    const soon = leader.page.locator('.tone-tag', { hasText: 'Còn 2 ngày' });
    await soon.waitFor();
    await expect(soon.evaluate(colorOf)).resolves.toBe('rgb(135, 56, 0)');

    // the deadline passes: no API moves a date back, so the test puts the entry three days late
    const db = new Client({ connectionString: databaseUrl(world.server) });
    await db.connect();
    await db.query(
      `UPDATE register_entry SET due_date = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 3 WHERE id = $1`,
      [received.id],
    );
    await db.end();
    await leader.page.reload();
    const late = leader.page.locator('.tone-tag', { hasText: 'Quá hạn 3 ngày' });
    await late.waitFor();
    await expect(late.evaluate(colorOf)).resolves.toBe('rgb(168, 7, 26)');
    await leader.goto('ban-lam-viec');
    await leader.page.getByRole('link', { name: 'Quá hạn: 1 văn bản' }).waitFor();
  });

  it('refuses a wrong passphrase with the reason and signs with the right one', async () => {
    const approved = await world.issueFromDistrict('Về việc kiểm tra công tác văn thư', 'approved');
    const leader = await world.user('huyen.lanhdao');
    await leader.goto(`van-ban/${approved.id}`);
    await leader.page.getByRole('button', { name: 'Ký số' }).click();
    const dialog = modal(leader.page, 'Ký số văn bản');
    await dialog.getByTestId('signature-box').waitFor();
    await dialog.getByLabel('Mật khẩu chứng thư số').fill('sai-mat-khau');
    await dialog.getByRole('button', { name: 'Ký số' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Mật khẩu của tệp PKCS#12 không đúng.' }).waitFor();
    await expect(leader.page.locator('h1 + .ant-space .tone-tag').first().textContent()).resolves.toBe(
      'Chờ ký',
    );

    await dialog.getByLabel('Mật khẩu chứng thư số').fill(world.passphrase('huyen.lanhdao'));
    await dialog.getByRole('button', { name: 'Ký số' }).click();
    await leader.page.locator('h1 + .ant-space .tone-tag', { hasText: 'Chờ phát hành' }).waitFor();
    const entry = await world.api.entry('huyen.lanhdao', approved.id);
    expect(entry.status).toBe('signed');
  });

  it('recalls an issued document; the recipient sees it recalled', async () => {
    const issued = await world.issueFromDistrict('Về việc tổ chức hội nghị tổng kết');
    const clerk = await world.user('huyen.vanthu');
    await clerk.goto(`van-ban/${issued.id}`);
    await clerk.page.getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = modal(clerk.page, 'Thu hồi văn bản');
    await dialog.getByLabel('Lý do thu hồi').fill('Văn bản ban hành sai thẩm quyền');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await clerk.page.locator('h1 + .ant-space .tone-tag', { hasText: 'Đã thu hồi' }).waitFor();

    const recipient = await world.user('easol.vanthu');
    await recipient.goto('tra-cuu?direction=incoming');
    // the recipient's copy is destroyed; its register line stays, marked recalled
    const row = recipient.page.locator('.entry-row', { hasText: issued.numberNotation! });
    await expect(row.locator('.tone-tag').last().textContent()).resolves.toBe('Đã thu hồi');
    await expect(row.textContent()).resolves.toContain('Văn bản đã bị cơ quan ban hành thu hồi');
  });

  it('offers a received Word attachment for download beside the PDF, never in the viewer', async () => {
    const issued = await world.issueFromDistrict('Về việc lấy ý kiến dự thảo quy chế');
    const [arrived] = (await world.api.inbox('easol.vanthu')).filter((e) => e.subject === issued.subject);
    // a document received by exchange keeps its other attachments as files of the entry: one is
    // added here as the exchange stores it (object by content, a 'received' version with its type)
    const docx = Buffer.from('PK\u0003\u0004 Phụ lục: danh sách góp ý (bản Word)');
    const sha256 = createHash('sha256').update(docx).digest('hex');
    const storage = new FilesystemObjectStorage({ root: join(world.server.dataDir, 'objects') });
    await storage.putIfAbsent(storageKeyOf(sha256), docx, { sha256 });
    await storage.close();
    const db = new Client({ connectionString: databaseUrl(world.server) });
    await db.connect();
    await db.query(
      `INSERT INTO document_version (id, agency_id, entry_id, file_index, file_name, seq, kind, storage_key,
                                     sha256, size_bytes, media_type, created_at)
       SELECT gen_random_uuid(), agency_id, id, 1, 'Phụ lục góp ý.docx', 1, 'received', $2, $3, $4, $5, now()
         FROM register_entry WHERE id = $1`,
      [
        arrived.id,
        storageKeyOf(sha256),
        sha256,
        docx.length,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
    );
    await db.end();

    const clerk = await world.user('easol.vanthu');
    await clerk.goto(`van-ban/${arrived.id}`);
    // the viewer shows the PDF (the main document) ...
    await clerk.page.locator('[data-page="1"] canvas').waitFor();
    // ... and the Word file is offered to save, marked as not checked
    const others = clerk.page.getByLabel('Tệp đính kèm khác');
    await others.getByText('Không phải PDF, không kiểm tra chữ ký').waitFor();
    const [download] = await Promise.all([
      clerk.page.waitForEvent('download'),
      others.getByRole('link', { name: /Phụ lục góp ý\.docx/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Phụ lục góp ý.docx');
    expect(readFileSync((await download.path())!).equals(docx)).toBe(true);

    await clerk.page.getByRole('tab', { name: 'Phiên bản' }).click();
    const item = clerk.page.locator('.ant-list-item', { hasText: 'Phụ lục góp ý.docx' });
    await item.getByRole('link', { name: 'Tải xuống' }).waitFor();
    await expect(item.getByRole('button', { name: 'Xem' }).count()).resolves.toBe(0);
    const pdfItem = clerk.page.locator('.ant-list-item', { hasText: '.pdf' }).first();
    await expect(pdfItem.textContent()).resolves.toContain('Đang xem');
  });

  it('answers a stale change with the conflict message and shows the current version', async () => {
    const draft = await world.api.draft(
      'huyen.chuyenvien',
      'huyen.lanhdao',
      await nd30Pdf({ signerName: 'Nguyễn Văn An' }),
      {
        subject: 'Dự thảo kế hoạch chuyển đổi số',
        recipients: ['000.01.12.H15'],
      },
    );
    const spec = await world.user('huyen.chuyenvien');
    await spec.goto(`van-ban/${draft.id}`);
    await spec.page.getByRole('button', { name: 'Trình' }).waitFor();

    // meanwhile the draft is changed elsewhere (another tab, a colleague)
    const agencyId = await world.api.agencyOf('huyen.chuyenvien');
    await world.api.call('huyen.chuyenvien', 'PATCH', `/api/v1/agencies/${agencyId}/outgoing/${draft.id}`, {
      version: draft.version,
      subject: 'Dự thảo kế hoạch chuyển đổi số năm 2027',
    });
    await spec.page.getByRole('button', { name: 'Trình' }).click();
    await spec.page
      .getByText('Văn bản vừa được người khác cập nhật. Vui lòng tải lại và thực hiện lại thao tác.')
      .waitFor();
    await spec.page.locator('h1', { hasText: 'Dự thảo kế hoạch chuyển đổi số năm 2027' }).waitFor();
    expect((await world.api.entry('huyen.chuyenvien', draft.id)).status).toBe('draft');
  });
});
