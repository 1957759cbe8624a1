import { pdfTools } from './pdf-tools.test-helper';
import { renderRegisterPdf } from './register-pdf.renderer';
import type { RegisterPrintSpec } from './register-print.types';
import { registerSamples } from './register-samples.test-helper';

const AGENCY = "Ủy ban nhân dân huyện Ea H'Leo";

function incoming(count: number, followUp = false): RegisterPrintSpec {
  return {
    kind: 'incoming',
    agencyName: AGENCY,
    registerName: 'Sổ văn bản đến chung',
    year: 2025,
    followUp,
    rows: registerSamples.incoming(count),
  };
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

/** The labels of the header row in the order the page draws them (one cell after another). */
function headerOrder(rawPage: string, labels: string[]): number[] {
  const flat = rawPage.replace(/\s+/g, ' ');
  return labels.map((label) => flat.indexOf(label));
}

describe('renderRegisterPdf', () => {
  it('prints an incoming register in Vietnamese on A4 landscape with Tinos embedded as a subset', async () => {
    const path = pdfTools.save('incoming-30.pdf', await renderRegisterPdf(incoming(30)));

    expect(await pdfTools.check(path)).toBe(0);
    const info = await pdfTools.info(path);
    expect(info.size).toMatch(/^842 x 595 pts/);
    const fonts = await pdfTools.fonts(path);
    expect(fonts).toMatch(/[A-Z]{6}\+Tinos\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/[A-Z]{6}\+Tinos-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    const cover = await pdfTools.text(path, 'layout', 1);
    expect(cover).toContain("ỦY BAN NHÂN DÂN HUYỆN EA H'LEO");
    expect(cover).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(cover).toContain('Sổ văn bản đến chung');
    expect(cover).toContain('Năm: 2025');
    expect(cover).toContain('Từ ngày 01/01/2025 đến ngày 02/02/2025');
    expect(cover).toContain('Từ số 01 đến số 30');

    const table = await pdfTools.text(path, 'layout', 2);
    expect(table).toContain('Tên loại và trích yếu nội dung');
    expect(table).toContain('Quyết định về việc phê duyệt kế hoạch');
    expect(table).toContain("Ea H'Leo");
    expect(table).toContain('Phòng Tài chính -');
    expect(table).toMatch(/01\/01\/2025\s+01\s+Ủy ban nhân dân\s+7\/QĐ-UBND\s+01\/01\/2025/);
    expect(table).toMatch(/Trang 2\/\d+/);
  });

  it('draws the ND30 incoming columns in their order, numbered (1) to (10)', async () => {
    const path = pdfTools.save('incoming-order.pdf', await renderRegisterPdf(incoming(3)));
    const page = await pdfTools.text(path, 'raw', 2);
    const labels = [
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ];
    const positions = headerOrder(page, labels);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('(10)');
    expect(page).not.toContain('(11)');
  });

  it('prints the follow-up columns instead of ngày chuyển and ký nhận when asked', async () => {
    const path = pdfTools.save('incoming-follow-up.pdf', await renderRegisterPdf(incoming(6, true)));
    const raw = (await pdfTools.text(path, 'raw', 2)).replace(/\s+/g, ' ');
    const positions = headerOrder(raw, [
      'Đơn vị hoặc người nhận',
      'Thời hạn giải quyết',
      'Tiến độ giải quyết',
      'Số, ký hiệu VB trả lời',
      'Ghi chú',
    ]);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(raw).not.toContain('Ký nhận');
    expect(raw).toContain('31/12/2025');
    expect(raw).toContain('Đang xử lý');
    expect(raw).toContain('2/UBND-VP');
    expect(await pdfTools.text(path, 'layout', 1)).toContain('SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN');
  });

  it('prints an outgoing register with its ND30 columns in order', async () => {
    const spec: RegisterPrintSpec = {
      kind: 'outgoing',
      agencyName: AGENCY,
      registerName: 'Sổ đăng ký văn bản đi',
      year: 2025,
      rows: registerSamples.outgoing(12),
    };
    const path = pdfTools.save('outgoing-12.pdf', await renderRegisterPdf(spec));
    expect(await pdfTools.check(path)).toBe(0);
    expect((await pdfTools.info(path)).size).toMatch(/^842 x 595 pts/);

    const cover = await pdfTools.text(path, 'layout', 1);
    expect(cover).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    // The register's own name repeats the form's title: printed once.
    expect(occurrences(cover.toLocaleUpperCase('vi'), 'SỔ ĐĂNG KÝ VĂN BẢN ĐI')).toBe(1);

    const raw = await pdfTools.text(path, 'raw', 2);
    const positions = headerOrder(raw, [
      'Số, ký hiệu văn bản',
      'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản',
      'Người ký',
      'Nơi nhận văn bản',
      'Đơn vị, người nhận bản lưu',
      'Số lượng bản',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const layout = await pdfTools.text(path, 'layout', 2);
    expect(layout).toMatch(/02\/TB-UBND\s+02\/01\/2025\s+Thông báo kết luận của Chủ tịch/);
    // Copies (số lượng bản) land between bản lưu and ngày chuyển.
    expect(layout).toMatch(
      /10\/TB-UBND\s+10\/01\/2025\s+Thông báo.*Y Khâm Niê\s+UBND các xã, thị\s+Văn phòng\s+39\s+10\/01\/2025\s+Lê Văn Đức/,
    );
  });

  it('prints an empty register as a cover and one table page that says it is empty', async () => {
    const path = pdfTools.save('incoming-0.pdf', await renderRegisterPdf(incoming(0)));
    expect(await pdfTools.check(path)).toBe(0);
    expect((await pdfTools.info(path)).pages).toBe(2);
    const page = await pdfTools.text(path, 'layout', 2);
    expect(page).toContain('Tên loại và trích yếu nội dung');
    expect(page).toContain('Sổ chưa có văn bản nào.');
    expect(page).toContain('Trang 2/2');
  });

  it('repeats the header on every page, numbers the pages and never splits a row', async () => {
    const rows = 120;
    const path = pdfTools.save('incoming-120.pdf', await renderRegisterPdf(incoming(rows)));
    expect(await pdfTools.check(path)).toBe(0);
    const { pages } = await pdfTools.info(path);
    expect(pages).toBeGreaterThan(5);

    const all = await pdfTools.text(path, 'layout');
    expect(occurrences(all, 'Tên loại và trích yếu nội dung')).toBe(pages - 1);
    for (let page = 1; page <= pages; page++) expect(all).toContain(`Trang ${page}/${pages}`);

    const seen = new Set<number>();
    for (let page = 2; page <= pages; page++) {
      const text = await pdfTools.text(path, 'raw', page);
      expect(text).toContain('Tên loại và trích yếu nội dung');
      // A row starts with its notation and ends with its subject's last word: both on one page.
      for (const [, n] of text.matchAll(/(\d+)\/QĐ-UBND/g)) {
        const row = Number(n) - 6;
        expect(text).toContain(`hết-dòng-${row}`);
        seen.add(row);
      }
    }
    expect(seen.size).toBe(rows);
  });

  it('gets more pages as rows are added', async () => {
    const small = pdfTools.save('incoming-10.pdf', await renderRegisterPdf(incoming(10)));
    const large = pdfTools.save('incoming-200.pdf', await renderRegisterPdf(incoming(200)));
    const [a, b] = [(await pdfTools.info(small)).pages, (await pdfTools.info(large)).pages];
    expect(b).toBeGreaterThan(a + 5);
  });

  it('continues a row taller than a page on the next page without losing its text', async () => {
    const spec = incoming(2);
    if (spec.kind !== 'incoming') throw new Error('unreachable');
    spec.rows[1]!.typeAndSubject = `${'Nội dung rất dài của văn bản. '.repeat(400)}cuối-cùng`;
    const path = pdfTools.save('incoming-tall-row.pdf', await renderRegisterPdf(spec));
    expect(await pdfTools.check(path)).toBe(0);
    const { pages } = await pdfTools.info(path);
    expect(pages).toBeGreaterThan(3);
    const all = (await pdfTools.text(path, 'raw')).replace(/\s+/g, ' ');
    expect(all).toContain('cuối-cùng');
    // Counted by a word: a phrase may straddle a page break, with the footer and header between.
    expect(occurrences(all, ' dài ')).toBe(400);
  });

  it('renders a register of 5,000 rows', async () => {
    const path = pdfTools.save('incoming-5000.pdf', await renderRegisterPdf(incoming(5000)));
    expect(await pdfTools.check(path)).toBe(0);
    const { pages } = await pdfTools.info(path);
    expect(pages).toBeGreaterThan(300);
    const last = await pdfTools.text(path, 'layout', pages);
    expect(last).toContain('hết-dòng-5000');
    expect(last).toContain(`Trang ${pages}/${pages}`);
  });
});
