import { createHash } from 'node:crypto';
import type { ParsedAttachment, ParsedEdocPackage } from '@vanthu/edxml';
import { arrangeReceivedFiles, MAX_RECEIVED_FILES } from './received-files';

let serial = 0;
function attachment(
  attachmentName: string,
  detectedType: ParsedAttachment['detectedType'],
  over: Partial<ParsedAttachment> = {},
): ParsedAttachment {
  serial += 1;
  const bytes =
    over.bytes ?? Buffer.from(`${detectedType === 'pdf' ? '%PDF-1.7 ' : ''}${attachmentName} ${serial}`);
  return {
    contentId: `cid:${serial}`,
    attachmentName,
    contentType: '',
    bytes,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    detectedType,
    ...over,
  };
}
const wrapped = (...attachments: ParsedAttachment[]) =>
  attachment('goc.edxml', 'edxml', { nested: { kind: 'edoc', attachments } as unknown as ParsedEdocPackage });
const summary = (files: ReturnType<typeof arrangeReceivedFiles>) =>
  files.map((f) => [f.fileIndex, f.fileName, f.mediaType, f.pdf]);

describe('arrangeReceivedFiles', () => {
  it('puts the PDFs first and keeps the other files as they came, typed by their names', () => {
    const files = arrangeReceivedFiles([
      attachment('Phụ lục.docx', 'zip', { contentType: 'application/pdf' }),
      attachment('Quyết định.pdf', 'pdf'),
      attachment('bao-cao.pdf', 'other', { contentType: 'application/pdf' }),
      attachment('Phụ lục 2.pdf', 'pdf'),
    ]);
    expect(summary(files)).toEqual([
      [0, 'Quyết định.pdf', 'application/pdf', true],
      [1, 'Phụ lục 2.pdf', 'application/pdf', true],
      [2, 'Phụ lục.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
      // named a PDF, not one by its bytes: only saved, never opened as a PDF
      [3, 'bao-cao.pdf', 'application/octet-stream', false],
    ]);
  });

  it("takes a wrapped package's files in its place, each file once", () => {
    const pdf = attachment('cong-van.pdf', 'pdf');
    const files = arrangeReceivedFiles([pdf, wrapped(attachment('ghi-chu.txt', 'other'), { ...pdf })]);
    expect(summary(files)).toEqual([
      [0, 'cong-van.pdf', 'application/pdf', true],
      [1, 'ghi-chu.txt', 'text/plain', false],
    ]);
  });

  it("names a file that came out of a ZIP sent under the archive's name by the file inside", () => {
    const unwrappedFrom = { format: 'zip' as const, entryName: 'du-lieu/so-lieu.csv', size: 99, sha256: 'x' };
    const files = arrangeReceivedFiles([
      attachment('cv.pdf', 'pdf'),
      attachment('Hồ sơ.zip', 'other', { contentType: 'application/octet-stream', unwrappedFrom }),
      attachment('Bảng kê.xlsx', 'zip', { unwrappedFrom: { ...unwrappedFrom, entryName: 'a1b2.xlsx' } }),
    ]);
    expect(summary(files).slice(1)).toEqual([
      [1, 'so-lieu.csv', 'text/csv', false],
      [2, 'Bảng kê.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ]);
  });

  it('cleans names of invisible characters and shortens them keeping the extension', () => {
    const long = `${'Báo cáo tổng hợp '.repeat(20)}.docx`;
    const files = arrangeReceivedFiles([
      attachment('cv\u200b.pdf', 'pdf'),
      attachment(long, 'zip'),
      attachment('\u0007', 'other'),
    ]);
    expect(files[0].fileName).toBe('cv.pdf');
    expect(files[1].fileName).toHaveLength(255);
    expect(files[1].fileName.endsWith('.docx')).toBe(true);
    expect(files[1].mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(files[2].fileName).toBe('tep-dinh-kem-3');
  });

  it('refuses programs and macro documents, however their names are disguised', () => {
    for (const name of ['setup.exe', 'Phụ lục\u202excod.exe', 'bang-tinh.XLSM', 'huong-dan.lnk', 'a.js'])
      expect(() => arrangeReceivedFiles([attachment('cv.pdf', 'pdf'), attachment(name, 'other')])).toThrow(
        expect.objectContaining({ code: 'EXCHANGE_ATTACHMENT_NOT_ALLOWED' }),
      );
  });

  it('refuses a document without a PDF, and one of more than 500 files', () => {
    expect(() => arrangeReceivedFiles([attachment('Phụ lục.docx', 'zip')])).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_ATTACHMENT_CORRUPT' }),
    );
    const many = Array.from({ length: MAX_RECEIVED_FILES }, (_, i) => attachment(`${i}.txt`, 'other'));
    expect(arrangeReceivedFiles([attachment('cv.pdf', 'pdf'), ...many.slice(1)])).toHaveLength(500);
    expect(() => arrangeReceivedFiles([attachment('cv.pdf', 'pdf'), ...many])).toThrow(
      expect.objectContaining({ code: 'EXCHANGE_PACKAGE_TOO_LARGE' }),
    );
  });
});
