import { fodtToPdf, nd30Fodt } from '../../../../libs/signing/test-fixtures/nd30-document';
import { pinFonts, TINOS } from '../../../../libs/signing/test-fixtures/pinned-fonts';

/** What the district prints for each type the tour uses (ND30: name and notation after the "/"). */
const TYPES: Record<string, { notation: string; title: string | null }> = {
  CV: { notation: 'UBND-VP', title: null },
  QD: { notation: 'QĐ-UBND', title: 'QUYẾT ĐỊNH' },
  KH: { notation: 'KH-UBND', title: 'KẾ HOẠCH' },
  TB: { notation: 'TB-UBND', title: 'THÔNG BÁO' },
  BC: { notation: 'BC-UBND', title: 'BÁO CÁO' },
};

/**
 * The ND30 decision fixture made into a document of `typeCode`: its notation ("Số: /KH-UBND"), its
 * name as the title (none for a Công văn, which carries "V/v …" under its number instead) and
 * `subject` as its summary line, so a screenshot of a Kế hoạch does not print "QĐ-UBND".
 * Test fixtures only: the body and the signer block stay the decision's.
 */
export async function typedPdf(typeCode: string, subject: string): Promise<Buffer> {
  const type = TYPES[typeCode];
  if (!type) throw new Error(`typedPdf: no layout for type ${typeCode}`);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');
  let fodt = (await nd30Fodt({ signerName: 'Nguyễn Văn An' })).replace(
    '/QĐ-UBND</text:p>',
    `/${type.notation}</text:p>`,
  );
  const summary =
    '<text:p text:style-name="CB14">Về việc ban hành Quy chế tiếp nhận, xử lý văn bản điện tử</text:p>';
  const title = '<text:p text:style-name="Title">QUYẾT ĐỊNH</text:p>';
  const authority = '<text:p text:style-name="CB14">CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN EA H&apos;LEO</text:p>';
  for (const part of [summary, title])
    if (!fodt.includes(part)) throw new Error(`typedPdf: the fixture changed, "${part}" is gone`);
  // under its name a typed document states what it is about ("KẾ HOẠCH / Kiểm tra công tác …")
  const about = type.title
    ? subject.replace(new RegExp(`^(Dự thảo\\s+)?${type.title}\\s+`, 'iu'), '')
    : `V/v ${subject.replace(/^Về việc\s+/u, '')}`;
  const line = about.charAt(0).toLocaleUpperCase('vi') + about.slice(1);
  fodt = fodt
    .replace(summary, `<text:p text:style-name="CB14">${escape(line)}</text:p>`)
    .replace(title, type.title ? `<text:p text:style-name="Title">${type.title}</text:p>` : '');
  // only a decision names the authority deciding
  if (typeCode !== 'QD') fodt = fodt.replace(authority, '').replace(authority.replace('&apos;', "'"), '');
  const fonts = await pinFonts([TINOS], { 'Times New Roman': TINOS.family, serif: TINOS.family });
  return fodtToPdf(fodt, fonts);
}
