import { renderCaseFilePdf } from './case-file-pdf.renderer';
import { pdfTools } from './pdf-tools.test-helper';
import type { CaseFileSpec } from './register-print.types';
import { registerSamples } from './register-samples.test-helper';

const doc = registerSamples.document;

function spec(documents: CaseFileSpec['documents']): CaseFileSpec {
  return {
    agencyName: "Ủy ban nhân dân huyện Ea H'Leo",
    code: '01.VP-2025',
    title: 'Hồ sơ xây dựng kế hoạch phát triển kinh tế - xã hội năm 2025',
    year: 2025,
    keeper: 'Trần Thị Mai',
    documents,
  };
}

describe('renderCaseFilePdf', () => {
  it('prints the list of documents of a file on A4 portrait under its heading, in date order', async () => {
    const documents = [
      doc({
        date: '2025-05-20',
        numberNotation: '40/BC-UBND',
        typeName: 'Báo cáo',
        subject: 'kết quả thực hiện',
        direction: 'outgoing',
        pageAmount: 12,
      }),
      doc({ date: '2025-03-02', numberNotation: '12/QĐ-UBND' }),
      doc({
        date: '2025-01-15',
        numberNotation: '35/UBND-VP',
        typeName: 'Công văn',
        subject: 'Công văn V/v góp ý dự thảo kế hoạch',
        issuer: 'Sở Kế hoạch và Đầu tư',
        pageAmount: null,
      }),
      doc({ date: '2025-03-02', numberNotation: '5/TB-UBND', typeName: 'Thông báo', subject: 'lịch họp' }),
    ];
    const path = pdfTools.save('case-file.pdf', await renderCaseFilePdf(spec(documents)));

    expect(await pdfTools.check(path)).toBe(0);
    const info = await pdfTools.info(path);
    expect(info.size).toMatch(/^595 x 842 pts/);
    expect(info.pages).toBe(1);

    const text = await pdfTools.text(path, 'layout');
    expect(text).toContain("ỦY BAN NHÂN DÂN HUYỆN EA H'LEO");
    expect(text).toContain('MỤC LỤC VĂN BẢN');
    expect(text).toContain('Hồ sơ số: 01.VP-2025');
    expect(text).toContain('Tiêu đề hồ sơ: Hồ sơ xây dựng kế hoạch phát triển kinh tế - xã hội năm 2025');
    expect(text).toContain('Người lập hồ sơ: Trần Thị Mai');
    expect(text).toContain('Tên loại và trích yếu');
    expect(text).toContain('Quyết định về việc phê duyệt');
    // A subject that already names its type is not prefixed twice.
    expect(text).toContain('Công văn V/v góp ý dự thảo');
    expect(text).not.toContain('Công văn Công văn');
    expect(text).toMatch(
      /1\s+35\/UBND-VP\s+15\/01\/2025\s+Công văn V\/v góp ý.*Sở Kế hoạch và Đầu tư\s+VB đến/,
    );
    expect(text).toMatch(/4\s+40\/BC-UBND\s+20\/05\/2025\s+Báo cáo kết quả thực hiện.*\s12\s+VB đi/);

    const order = ['35/UBND-VP', '5/TB-UBND', '12/QĐ-UBND', '40/BC-UBND'].map((n) => text.indexOf(n));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('says so when the file has no documents', async () => {
    const path = pdfTools.save('case-file-empty.pdf', await renderCaseFilePdf(spec([])));
    expect(await pdfTools.check(path)).toBe(0);
    const text = await pdfTools.text(path, 'layout');
    expect(text).toContain('Hồ sơ chưa có văn bản nào.');
    expect(text).toContain('Trang 1/1');
  });

  it('numbers the documents 1…n over several pages, the header on each', async () => {
    const documents = Array.from({ length: 90 }, (_, i) =>
      doc({ date: `2025-${String(12 - (i % 12)).padStart(2, '0')}-10`, numberNotation: `${i + 1}/TB-UBND` }),
    );
    const path = pdfTools.save('case-file-90.pdf', await renderCaseFilePdf(spec(documents)));
    const { pages } = await pdfTools.info(path);
    expect(pages).toBeGreaterThan(2);
    const text = await pdfTools.text(path, 'layout');
    expect(text.split('Tên loại và trích yếu').length - 1).toBe(pages);
    const rows = [...text.matchAll(/^\s*(\d+)\s+(\d+)\/TB-UBND\s+(\d\d)\/(\d\d)\/2025/gm)];
    expect(rows.map((r) => Number(r[1]))).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    const months = rows.map((r) => Number(r[4]));
    expect([...months].sort((a, b) => a - b)).toEqual(months);
  });
});
