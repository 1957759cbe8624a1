import { readFileSync } from 'node:fs';
import { WebWorld } from './support/world';

const world = new WebWorld();
beforeAll(() => world.setUp(), 180_000);
// the tests leave the server usable for the next one: one server for the file
beforeEach(() => world.shared(), 120_000);
afterEach(() => expect(world.problems()).toEqual([]));
afterAll(() => world.tearDown(), 60_000);

describe('web: search, registers, public verification, other agencies', () => {
  it('finds a document with and without diacritics, and a search link reopens with its filters', async () => {
    await world.issueFromDistrict('Về việc phân công nhiệm vụ chuyển đổi số', 'issued', 'QD');
    await world.issueFromDistrict('Về việc tổ chức lễ hội cà phê', 'issued', 'TB');
    const clerk = await world.user('huyen.vanthu');
    const rows = clerk.page.locator('.entry-row');

    for (const words of ['phân công nhiệm vụ', 'phan cong nhiem vu']) {
      await clerk.goto('tra-cuu');
      await clerk.page.getByLabel('Từ khóa').fill(words);
      await clerk.page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await clerk.page.waitForURL(/[?&]q=/);
      await rows.filter({ hasText: 'lễ hội cà phê' }).waitFor({ state: 'detached' });
      await rows.first().waitFor();
      await expect(rows.allTextContents()).resolves.toEqual([
        expect.stringContaining('Về việc phân công nhiệm vụ chuyển đổi số'),
      ]);
    }

    // the address carries the search: reloading it (or sending it) gives the same result and form
    expect(new URL(clerk.page.url()).searchParams.get('q')).toBe('phan cong nhiem vu');
    await clerk.page.goto(`${clerk.page.url()}&direction=outgoing`);
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(clerk.page.getByLabel('Từ khóa').inputValue()).resolves.toBe('phan cong nhiem vu');
    await expect(
      clerk.page.locator('.ant-select', { has: clerk.page.getByLabel('Sổ') }).textContent(),
    ).resolves.toContain('Văn bản đi');
    await clerk.page.goto(clerk.page.url().replace('direction=outgoing', 'direction=incoming'));
    await clerk.page.getByText('Không có văn bản').waitFor();
  });

  it('prints the outgoing register as a PDF download', async () => {
    await world.issueFromDistrict('Về việc báo cáo công tác năm');
    const clerk = await world.user('huyen.vanthu');
    await clerk.goto('so-van-ban');
    const row = clerk.page.locator('.ant-table-row', { hasText: 'Sổ đăng ký văn bản đi' });
    await expect(row.textContent()).resolves.toContain('2');
    const [download] = await Promise.all([
      clerk.page.waitForEvent('download'),
      row.getByRole('link', { name: 'In sổ (PDF)' }).click(),
    ]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('verifies a signed PDF and a tampered copy on the public page, without login', async () => {
    const issued = await world.issueFromDistrict('Về việc công khai văn bản');
    const detail = await world.api.entry('huyen.vanthu', issued.id);
    const file = (detail.files as { id: string }[])[0];
    const agencyId = await world.api.agencyOf('huyen.vanthu');
    const res = await fetch(
      `${world.server.url}/api/v1/agencies/${agencyId}/entries/${issued.id}/versions/${file.id}/content`,
      {
        headers: { authorization: `Bearer ${await world.api.token('huyen.vanthu')}` },
      },
    );
    const signed = Buffer.from(await res.arrayBuffer());
    // one byte of the page content changed, inside what both signatures cover
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('stream', 2000) + 20;
    tampered[at] = tampered[at] ^ 0x01;

    const citizen = await world.user();
    await citizen.page.goto('/xac-thuc');
    await citizen.page.getByRole('heading', { name: 'Xác thực văn bản điện tử' }).waitFor();
    await citizen.page
      .getByLabel('Tệp văn bản (PDF)')
      .setInputFiles({ name: 'van-ban.pdf', mimeType: 'application/pdf', buffer: signed });
    await citizen.page.getByRole('button', { name: 'Xác thực' }).click();
    await citizen.page.getByText('Kết quả: Hợp lệ').waitFor();
    await expect(citizen.page.getByTestId('signature-item').allTextContents()).resolves.toEqual([
      expect.stringContaining('Nguyễn Văn An'),
      expect.stringContaining("Ủy ban nhân dân huyện Ea H'Leo"),
    ]);

    await citizen.page
      .getByLabel('Tệp văn bản (PDF)')
      .setInputFiles({ name: 'sua-doi.pdf', mimeType: 'application/pdf', buffer: tampered });
    await citizen.page.getByRole('button', { name: 'Xác thực' }).click();
    await citizen.page.getByText('Kết quả: Không hợp lệ').waitFor();
    expect(citizen.page.url()).toMatch(/\/xac-thuc$/);
  });

  it("answers another agency's addresses with the not-found page", async () => {
    const issued = await world.issueFromDistrict('Về việc nội bộ của huyện');
    const districtId = await world.api.agencyOf('huyen.vanthu');
    const commune = await world.user('eadrang.vanthu');
    const own = commune.agencyPath();

    await commune.page.goto(`/co-quan/${districtId}/van-ban/${issued.id}`);
    await commune.page.getByText('Không tìm thấy trang').waitFor();
    await expect(commune.page.getByText('Về việc nội bộ của huyện').count()).resolves.toBe(0);
    await commune.page.goto(`/co-quan/${districtId}/van-ban-den`);
    await commune.page.getByText('Không tìm thấy trang').waitFor();
    // the district's entry id under the commune's own address: the API says 404 as well
    await commune.page.goto(`${own}/van-ban/${issued.id}`);
    await commune.page.getByText('Không tìm thấy trang').waitFor();
    // and a menu the role may not use is not offered
    await expect(commune.page.getByRole('link', { name: 'Quản trị' }).count()).resolves.toBe(0);
  });
});
