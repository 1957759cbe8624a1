/**
 * The ND30 document types (domain.md §2) as the registers know them: code, name (the edXML
 * TypeName), notation abbreviation. The registers read them from the `document_type` table seeded
 * by migration 1764100000300; a spec keeps this copy equal to that seed, because the CLI and the hub
 * build packages without a database.
 */
export const ND30_DOCUMENT_TYPES: readonly (readonly [
  code: string,
  name: string,
  abbreviation: string | null,
])[] = [
  ['NQ', 'Nghị quyết', 'NQ'],
  ['QD', 'Quyết định', 'QĐ'],
  ['CT', 'Chỉ thị', 'CT'],
  ['QC', 'Quy chế', 'QC'],
  ['QYD', 'Quy định', 'QyĐ'],
  ['TC', 'Thông cáo', 'TC'],
  ['TB', 'Thông báo', 'TB'],
  ['HD', 'Hướng dẫn', 'HD'],
  ['CTR', 'Chương trình', 'CTr'],
  ['KH', 'Kế hoạch', 'KH'],
  ['PA', 'Phương án', 'PA'],
  ['DEA', 'Đề án', 'ĐA'],
  ['DA', 'Dự án', 'DA'],
  ['BC', 'Báo cáo', 'BC'],
  ['BB', 'Biên bản', 'BB'],
  ['TTR', 'Tờ trình', 'TTr'],
  ['HDG', 'Hợp đồng', 'HĐ'],
  ['CD', 'Công điện', 'CĐ'],
  ['BGN', 'Bản ghi nhớ', 'BGN'],
  ['BTT', 'Bản thỏa thuận', 'BTT'],
  ['GUQ', 'Giấy ủy quyền', 'GUQ'],
  ['GM', 'Giấy mời', 'GM'],
  ['GGT', 'Giấy giới thiệu', 'GGT'],
  ['GNP', 'Giấy nghỉ phép', 'GNP'],
  ['PG', 'Phiếu gửi', 'PG'],
  ['PC', 'Phiếu chuyển', 'PC'],
  ['PB', 'Phiếu báo', 'PB'],
  ['CV', 'Công văn', null],
];
