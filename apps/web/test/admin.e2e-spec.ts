import { readFile } from 'node:fs/promises';
import { modal } from './support/antd';
import { EA_DRANG, WebWorld } from './support/world';

const world = new WebWorld();
beforeAll(() => world.setUp(), 180_000);
// the tests leave the server usable for the next one: one server for the file
beforeEach(() => world.shared(), 120_000);
afterEach(() => expect(world.problems()).toEqual([]));
afterAll(() => world.tearDown(), 60_000);

interface AgencyRecord {
  code: string;
  name: string;
  phone?: string | null;
}

describe('web: administration of the directory, certificates and registers', () => {
  it('edits an agency, exports the directory, imports it back changed, and lists the rows of a bad file', async () => {
    const admin = await world.user('huyen.quantri');
    const page = admin.page;
    await admin.goto('quan-tri/danh-ba');
    await page.getByRole('button', { name: /^Sửa .*Ea Drăng/ }).click();
    const dialog = modal(page, `Sửa thông tin cơ quan: ${EA_DRANG}`);
    await dialog.getByLabel('Điện thoại').fill('0262 3 123 456');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin cơ quan.').waitFor();
    const stored = await world.api.call<{ agency: AgencyRecord }>(
      'huyen.quantri',
      'GET',
      `/api/v1/directory/agencies/${EA_DRANG}`,
    );
    expect(stored.agency.phone).toBe('0262 3 123 456');

    // the export carries the change; a changed copy imported back renames the commune
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Xuất JSON/ }).click(),
    ]);
    const records = JSON.parse(await readFile((await download.path())!, 'utf8')) as AgencyRecord[];
    const commune = records.find((r) => r.code === EA_DRANG)!;
    expect(commune.phone).toBe('0262 3 123 456');
    commune.name = 'Ủy ban nhân dân xã Ea Drăng (mới)';
    await page.getByLabel('Nhập danh bạ từ tệp JSON hoặc CSV').setInputFiles({
      name: 'danh-ba.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([commune])),
    });
    await page.getByText('Đã nhập danh bạ.').waitFor();
    const renamed = await world.api.call<{ agency: AgencyRecord }>(
      'huyen.quantri',
      'GET',
      `/api/v1/directory/agencies/${EA_DRANG}`,
    );
    expect(renamed.agency.name).toBe('Ủy ban nhân dân xã Ea Drăng (mới)');
    await page.getByRole('cell', { name: 'Ủy ban nhân dân xã Ea Drăng (mới)', exact: true }).waitFor();

    // a CSV with a row without its code: nothing is written, the row is named
    await page.getByLabel('Nhập danh bạ từ tệp JSON hoặc CSV').setInputFiles({
      name: 'danh-ba.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code,name,levelLabel\r\n,Xã Không Mã,Xã\r\n'),
    });
    // the alert in the page lists each refused row (the toast only says that the file was refused)
    const row = page.locator('.ant-alert li', { hasText: /Dòng \d/ }).first();
    await row.waitFor();
    expect(await page.getByRole('cell', { name: 'Xã Không Mã', exact: true }).count()).toBe(0);
  });

  it('withdraws a certificate with its reason, and switches the outgoing numbering to one series per type', async () => {
    const admin = await world.user('huyen.quantri');
    const page = admin.page;
    await admin.goto('chung-thu-so');
    await page.getByText('tối đa 4000 điểm ảnh mỗi chiều').waitFor();
    const row = page.locator('tr', { hasText: 'Nguyễn Văn An' }).first();
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = modal(page, 'Thu hồi chứng thư số');
    await dialog.getByLabel('Lý do thu hồi').fill('Lộ khóa bí mật');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText('Lộ khóa bí mật').waitFor();
    await row.getByText('Đã thu hồi').waitFor();

    await admin.goto('so-van-ban');
    const perType = page.getByRole('radio', { name: 'Một sổ cho mỗi loại văn bản' });
    await perType.click();
    await page.getByText('Đã lưu cách đánh số văn bản đi.').waitFor();
    await page.locator('.ant-radio-wrapper-checked', { hasText: 'Một sổ cho mỗi loại văn bản' }).waitFor();
    const agencyId = await world.api.agencyOf('huyen.quantri');
    const registers = await world.api.call<{ outgoingSeries: string }>(
      'huyen.quantri',
      'GET',
      `/api/v1/agencies/${agencyId}/registers`,
    );
    expect(registers.outgoingSeries).toBe('per_type');
  });
});
