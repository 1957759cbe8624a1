import { printDate } from './print-date';
import { sortCaseFileDocuments } from './case-file-order';
import type { CaseFileDocument, CaseFileSpec } from './register-print.types';
import { renderTableDocument } from './table-document.renderer';

/** "Quyết định" + "về việc…"; a subject that already starts with its type is not doubled. */
function typeAndSubject(document: CaseFileDocument): string {
  const type = document.typeName.trim();
  const subject = document.subject.trim();
  if (!type) return subject;
  return subject.toLocaleLowerCase('vi').startsWith(type.toLocaleLowerCase('vi'))
    ? subject
    : `${type} ${subject}`;
}

/** The file's list of documents (mục lục văn bản), in date order, A4 portrait. */
export async function renderCaseFilePdf(spec: CaseFileSpec): Promise<Buffer> {
  const documents = sortCaseFileDocuments(spec.documents);
  return renderTableDocument({
    title: `Mục lục văn bản - Hồ sơ ${spec.code} - ${spec.title}`,
    orientation: 'portrait',
    heading: [
      { text: spec.agencyName.toLocaleUpperCase('vi'), size: 12, bold: true },
      { text: 'MỤC LỤC VĂN BẢN', size: 16, bold: true, spaceBefore: 16 },
      { text: `Hồ sơ số: ${spec.code}`, size: 12, spaceBefore: 8 },
      { text: `Tiêu đề hồ sơ: ${spec.title}`, size: 12, bold: true },
      { text: `Năm: ${spec.year}`, size: 12 },
      { text: `Người lập hồ sơ: ${spec.keeper}`, size: 12 },
    ],
    runningHead: `Hồ sơ ${spec.code} · Năm ${spec.year}`,
    columns: [
      { header: 'STT', width: 30, align: 'center' },
      { header: 'Số, ký hiệu', width: 74, align: 'center' },
      { header: 'Ngày tháng', width: 60, align: 'center' },
      { header: 'Tên loại và trích yếu', width: 160 },
      { header: 'Tác giả', width: 100 },
      { header: 'Số trang', width: 38, align: 'center' },
      { header: 'Ghi chú', width: 42, align: 'center' },
    ],
    numberedColumns: true,
    rows: documents.map((d, i) => [
      String(i + 1),
      d.numberNotation,
      printDate.text(d.date),
      typeAndSubject(d),
      d.issuer,
      d.pageAmount === null ? '' : String(d.pageAmount),
      d.direction === 'incoming' ? 'VB đến' : 'VB đi',
    ]),
    emptyText: 'Hồ sơ chưa có văn bản nào.',
    fontSize: 10,
  });
}
