import { readFile } from 'node:fs/promises';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { modal } from './support/antd';
import { WebWorld } from './support/world';

const world = new WebWorld();
beforeAll(() => world.setUp(), 180_000);
// each test counts documents from a known start: a fresh server each
beforeEach(() => world.fresh(), 120_000);
afterEach(() => expect(world.problems()).toEqual([]));
afterAll(() => world.tearDown(), 60_000);

interface CaseFileRecord {
  code: string;
  title: string;
  keeper: string;
  entryCount: number;
  entries: { id: string; subject: string }[];
}

/** Today's month in Vietnam, as the report's months are (`M/YYYY` as the table shows it). */
function vietnamMonth(): { key: string; label: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
    .format(new Date())
    .split('-');
  return { key: `${year}-${month}`, label: `${Number(month)}/${year}` };
}

describe('web: Hồ sơ công việc and Báo cáo thống kê', () => {
  it('opens a case file, adds two documents found by search, removes one, and the API holds what the screen shows', async () => {
    const kept = await world.issueFromDistrict('Về việc lập kế hoạch chuyển đổi số năm 2027');
    const dropped = await world.issueFromDistrict('Về việc kiểm tra công tác văn thư lưu trữ');
    const clerk = await world.user('huyen.vanthu');
    const page = clerk.page;
    const agencyId = await world.api.agencyOf('huyen.vanthu');

    await clerk.goto('ho-so');
    await page.getByText('Chưa có hồ sơ nào trong năm').waitFor();
    await page.getByRole('button', { name: 'Lập hồ sơ' }).click();
    const dialog = modal(page, 'Lập hồ sơ');
    await dialog.getByLabel('Ký hiệu hồ sơ').fill('07.VP');
    await dialog.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ chuyển đổi số của Văn phòng');
    await dialog.getByLabel('Người lập hồ sơ').fill('Trần Thị Bình');
    await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.getByText('Đã lập hồ sơ.').waitFor();
    const listed = page.getByRole('row', { name: /07\.VP/ });
    // the confirmation comes before the list is asked again: wait for the new row
    await listed.waitFor();
    await expect(listed.getByRole('cell').allTextContents()).resolves.toEqual([
      '07.VP',
      'Hồ sơ chuyển đổi số của Văn phòng',
      String(new Date().getFullYear()),
      'Trần Thị Bình',
      '0',
    ]);

    await listed.getByRole('link', { name: 'Hồ sơ chuyển đổi số của Văn phòng' }).click();
    await page.getByRole('heading', { name: 'Hồ sơ 07.VP: Hồ sơ chuyển đổi số của Văn phòng' }).waitFor();
    await page.getByText('Hồ sơ chưa có văn bản').waitFor();
    const caseFileId = new URL(page.url()).pathname.split('/').pop()!;

    // each document is found by a word of its subject written without diacritics
    for (const [word, subject] of [
      ['chuyen doi so', kept.subject],
      ['van thu luu tru', dropped.subject],
    ]) {
      const search = page.getByLabel('Chọn văn bản để thêm vào hồ sơ', { exact: true });
      await search.click();
      await search.fill(word);
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: subject })
        .click();
      await page.getByRole('button', { name: 'Thêm vào hồ sơ' }).click();
      await page.getByRole('row', { name: new RegExp(subject) }).waitFor();
    }
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows.count()).resolves.toBe(2);
    await expect(
      rows.filter({ hasText: dropped.subject }).getByRole('cell').nth(1).textContent(),
    ).resolves.toBe(dropped.numberNotation);

    await rows.filter({ hasText: dropped.subject }).getByRole('button', { name: 'Bỏ khỏi hồ sơ' }).click();
    await page.getByText('Đã bỏ văn bản khỏi hồ sơ.').waitFor();
    await rows.filter({ hasText: dropped.subject }).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);

    const stored = await world.api.call<CaseFileRecord>(
      'huyen.vanthu',
      'GET',
      `/api/v1/agencies/${agencyId}/case-files/${caseFileId}`,
    );
    expect(stored).toMatchObject({ code: '07.VP', keeper: 'Trần Thị Bình' });
    expect(stored.entries.map((e) => e.id)).toEqual([kept.id]);

    // the export of the case file is a PDF; the list counts the one document left
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất PDF' }).click(),
    ]);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByRole('link', { name: 'Hồ sơ công việc' }).click();
    // the list is asked again on return (it was 0 a moment ago): wait for the new count
    const count = page
      .getByRole('row', { name: /07\.VP/ })
      .getByRole('cell')
      .last();
    await count.filter({ hasText: /^1$/ }).waitFor();
  });

  it('shows the monthly figures and the shares of the documents the test made, with the chart in words', async () => {
    // the district issues two signed documents to both communes: 2 outgoing, 4 electronic deliveries
    await world.issueFromDistrict('Về việc tổng hợp số liệu tháng', 'issued', 'CV');
    await world.issueFromDistrict('Về việc lịch tiếp công dân', 'issued', 'TB');
    // Ea Drăng registers both arrivals and one paper letter it scanned: 3 incoming, 2 electronic
    const communeId = await world.api.agencyOf('eadrang.vanthu');
    for (const arrived of await world.api.inbox('eadrang.vanthu'))
      await world.api.call(
        'eadrang.vanthu',
        'POST',
        `/api/v1/agencies/${communeId}/incoming/${arrived.id}/register`,
        { version: arrived.version },
      );
    const form = new FormData();
    form.append(
      'metadata',
      JSON.stringify({
        typeCode: 'CV',
        subject: 'Về việc đề nghị hỗ trợ kinh phí sửa chữa trường học',
        organName: 'Trường Tiểu học Ea Drăng',
        codeNumber: '12',
        codeNotation: 'TH-ED',
        overrideVerification: true,
      }),
    );
    form.append(
      'file',
      new Blob([new Uint8Array(await nd30Pdf({ signerName: 'Lê Văn Tám' }))], { type: 'application/pdf' }),
      'giay.pdf',
    );
    await world.api.call('eadrang.vanthu', 'POST', `/api/v1/agencies/${communeId}/incoming`, form);
    const month = vietnamMonth();

    const commune = await world.user('eadrang.vanthu');
    await commune.goto('bao-cao');
    const page = commune.page;
    await page.getByRole('heading', { name: 'Văn bản theo tháng (đến 3, đi 0)' }).waitFor();
    const share = (title: string) => page.locator('.panel', { hasText: title }).locator('> div').last();
    await expect(share('Văn bản đến nhận điện tử').textContent()).resolves.toBe('66,7% (2/3)');
    await expect(share('Văn bản đi được ký số').textContent()).resolves.toBe('Chưa có số liệu');
    // the chart is an image with a name, and its figures are in a table: this month 3 in, 0 out
    await page.getByRole('img', { name: 'Biểu đồ số văn bản đến và đi theo tháng' }).waitFor();
    const table = page.getByRole('table', { name: 'Số văn bản theo tháng' });
    const months = await table.locator('thead th').allTextContents();
    expect(months).toHaveLength(13);
    const column = months.indexOf(month.label);
    expect(column).toBeGreaterThan(0);
    const incoming = await table
      .getByRole('row', { name: /^Văn bản đến/ })
      .locator('td')
      .allTextContents();
    const outgoing = await table
      .getByRole('row', { name: /^Văn bản đi/ })
      .locator('td')
      .allTextContents();
    expect(incoming.map(Number)).toEqual(months.slice(1).map((_, i) => (i === column - 1 ? 3 : 0)));
    expect(outgoing.map(Number)).toEqual(months.slice(1).map(() => 0));
    // by type: two Công văn (one by exchange, one on paper), one Thông báo
    const byType = async (type: string) =>
      page
        .getByRole('row', { name: new RegExp(`^${type}`) })
        .getByRole('cell')
        .allTextContents();
    await expect(byType('Công văn')).resolves.toEqual(['Công văn', '2', '0']);
    await expect(byType('Thông báo')).resolves.toEqual(['Thông báo', '1', '0']);

    const district = await world.user('huyen.lanhdao');
    await district.goto('bao-cao');
    await district.page.getByRole('heading', { name: 'Văn bản theo tháng (đến 0, đi 2)' }).waitFor();
    const districtShare = (title: string) =>
      district.page.locator('.panel', { hasText: title }).locator('> div').last().textContent();
    await expect(districtShare('Văn bản đi được ký số')).resolves.toBe('100% (2/2)');
    await expect(districtShare('Văn bản đi gửi điện tử')).resolves.toBe('100% (4/4)');
    const districtTable = district.page.getByRole('table', { name: 'Số văn bản theo tháng' });
    await expect(
      districtTable
        .getByRole('row', { name: /^Văn bản đi/ })
        .locator('td')
        .nth(column - 1)
        .textContent(),
    ).resolves.toBe('2');
  });
});
