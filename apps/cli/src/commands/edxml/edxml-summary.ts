import type { EnvelopeReport, ParsedAttachment, ParsedPackage } from '@vanthu/edxml';

const VERDICT_TEXT = {
  valid: 'HỢP LỆ',
  invalid: 'KHÔNG HỢP LỆ',
  indeterminate: 'CHƯA XÁC ĐỊNH',
  unsigned: 'KHÔNG CÓ CHỮ KÝ',
  legacy: 'CHỮ KÝ KIỂU CŨ, KHÔNG KIỂM TRA ĐƯỢC',
} as const;

const BUSINESS_TEXT = ['văn bản mới', 'thu hồi', 'cập nhật', 'thay thế'] as const;

/** Every field of a package, in Vietnamese, for `vanthu edxml inspect`. */
export function packageSummary(path: string, p: ParsedPackage): string {
  const lines: string[] = [
    `Gói tin ${path} (${p.size} byte): ${p.kind === 'edoc' ? 'văn bản' : 'trạng thái'}`,
  ];
  const field = (label: string, value: unknown, indent = '  ') => {
    if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
      lines.push(`${indent}${label}: ${Array.isArray(value) ? value.join(' | ') : String(value)}`);
  };
  if (p.kind === 'edoc') {
    const h = p.header;
    field('Nơi gửi', `${h.from.organName} (${h.from.organId})`);
    for (const t of h.to) field('Nơi nhận', `${t.organName} (${t.organId})`);
    field('Mã định danh văn bản', h.documentId);
    field('Số, ký hiệu', `${h.code.codeNumber}/${h.code.codeNotation}`);
    field('Ngày ban hành', h.promulgationInfo.promulgationDate);
    field('Địa danh', h.promulgationInfo.place);
    field(
      'Loại văn bản',
      `${h.documentType.typeName} (Type ${h.documentType.type}${h.documentType.typeDetail ? `, TypeDetail ${h.documentType.typeDetail}` : ''})`,
    );
    field('Trích yếu', h.subject);
    field('Nội dung', h.content);
    field(
      'Người ký',
      [h.signerInfo.competence, h.signerInfo.position, h.signerInfo.fullName].filter(Boolean).join(' '),
    );
    field('Hạn xử lý', h.dueDate);
    field('Nơi nhận (in trên văn bản)', h.toPlaces);
    field('Độ khẩn', h.otherInfo.priority);
    field('Phạm vi ban hành', h.otherInfo.sphereOfPromulgation);
    field('Số trang', h.otherInfo.pageAmount);
    field('Số bản', h.otherInfo.promulgationAmount);
    field('Phụ lục', h.otherInfo.appendixes);
    field('Chỉ đạo (SteeringType)', h.steeringType);
    for (const r of h.responseFor) field('Trả lời văn bản', `${r.documentId} (${r.organId})`);
  } else {
    const s = p.status;
    field('Trạng thái', s.statusCode);
    field('Mô tả', s.description);
    field('Thời điểm', s.timestamp);
    field('Cơ quan báo', `${s.from.organName} (${s.from.organId})`);
    field('Về văn bản', `${s.responseFor.documentId} (${s.responseFor.organId})`);
    if (s.staffInfo) field('Cán bộ', [s.staffInfo.staff, s.staffInfo.department].filter(Boolean).join(', '));
  }
  for (const t of p.traceHeaderList.traceHeaders) field('Đã qua', `${t.organId} lúc ${t.timestamp}`);
  const b = p.traceHeaderList.bussiness;
  if (b)
    field(
      'Nghiệp vụ',
      `${b.bussinessDocType} ${BUSINESS_TEXT[b.bussinessDocType]}${b.bussinessDocReason ? ` — ${b.bussinessDocReason}` : ''}`,
    );
  if (p.kind === 'edoc') {
    lines.push(`  Tệp đính kèm: ${p.attachments.length}`);
    for (const a of p.attachments) lines.push(...attachmentLines(a, '    '));
  }
  lines.push(...signatureLines(p.signature));
  if (p.notes.length > 0) {
    lines.push('  Điểm không theo chuẩn (đã chấp nhận):');
    for (const n of p.notes)
      lines.push(
        `    - ${n.message} (${n.code}${n.path ? ` tại ${n.path}` : ''}${n.raw ? `: "${n.raw}"` : ''})`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function attachmentLines(a: ParsedAttachment, indent: string): string[] {
  const lines = [
    `${indent}- ${a.attachmentName} [${a.contentId}] khai báo ${a.contentType || '?'}, thực tế ${a.detectedType}, ${a.size} byte`,
    `${indent}  SHA-256 ${a.sha256}`,
  ];
  if (a.unwrappedFrom)
    lines.push(
      `${indent}  đã giải nén từ ZIP (${a.unwrappedFrom.size} byte), tệp bên trong: ${a.unwrappedFrom.entryName}`,
    );
  if (a.nested) {
    const n = a.nested;
    const what =
      n.kind === 'edoc'
        ? `${n.header.documentId} — ${n.header.subject}`
        : `trạng thái ${n.status.statusCode}`;
    lines.push(
      `${indent}  là gói tin edXML lồng bên trong: ${what}; chữ ký ${VERDICT_TEXT[n.signature.verdict]}`,
    );
    if (n.kind === 'edoc')
      for (const inner of n.attachments) lines.push(...attachmentLines(inner, `${indent}    `));
  }
  return lines;
}

export function signatureLines(s: EnvelopeReport): string[] {
  const lines = [`  Chữ ký gói tin: ${VERDICT_TEXT[s.verdict]}`];
  if (s.signer)
    lines.push(`    Người ký: ${s.signer.commonName ?? s.signer.subject}; cấp bởi ${s.signer.issuer}`);
  if (s.signatureAlgorithm) lines.push(`    Thuật toán: ${s.signatureAlgorithm}`);
  if (s.verdict !== 'unsigned' && s.verdict !== 'legacy')
    lines.push(
      `    Toàn vẹn: ${s.intact ? 'có' : 'KHÔNG'}; chuỗi chứng thư: ${s.trusted ? 'tin cậy' : 'KHÔNG tin cậy'}` +
        (s.revocation ? `; thu hồi: ${s.revocation.status}` : ''),
    );
  for (const r of s.reasons) if (r.severity !== 'info') lines.push(`    ! ${r.message} (${r.code})`);
  return lines;
}

export { VERDICT_TEXT };
