import type { CaseFileDocument, IncomingRegisterRow, OutgoingRegisterRow } from './register-print.types';

const SENDERS = ["Ủy ban nhân dân huyện Ea H'Leo", 'Sở Tài chính tỉnh Đắk Lắk', 'Phòng Giáo dục và Đào tạo'];
const pad = (n: number) => String(n).padStart(2, '0');
const dayOfYear = (i: number) => `2025-${pad(1 + (Math.floor(i / 28) % 12))}-${pad(1 + (i % 28))}`;

/** Register rows with real Vietnamese text; each subject ends with a token naming its row. */
export const registerSamples = {
  incoming(count: number): IncomingRegisterRow[] {
    return Array.from({ length: count }, (_, i) => ({
      arrivalDate: dayOfYear(i),
      arrivalNumber: i + 1,
      sender: SENDERS[i % SENDERS.length]!,
      numberNotation: `${i + 7}/QĐ-UBND`,
      documentDate: dayOfYear(Math.max(0, i - 2)),
      typeAndSubject:
        'Quyết định về việc phê duyệt kế hoạch phát triển kinh tế - xã hội năm 2025' +
        (i % 4 === 0 ? ' và giao nhiệm vụ trọng tâm cho các phòng, ban chuyên môn thuộc huyện' : '') +
        ` hết-dòng-${i + 1}`,
      recipients: 'Phòng Tài chính - Kế hoạch',
      transferDate: i % 5 === 0 ? null : dayOfYear(i),
      receivedBy: 'Nguyễn Thị Hương',
      note: i % 7 === 0 ? 'Khẩn' : '',
      dueDate: i % 3 === 0 ? '2025-12-31' : null,
      progress: i % 3 === 0 ? 'Đang xử lý' : 'Đã xong',
      replyNotation: i % 3 === 0 ? '' : `${i + 1}/UBND-VP`,
    }));
  },

  outgoing(count: number): OutgoingRegisterRow[] {
    return Array.from({ length: count }, (_, i) => ({
      numberNotation: `${pad(i + 1)}/TB-UBND`,
      documentDate: dayOfYear(i),
      typeAndSubject: `Thông báo kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng ${(i % 12) + 1}`,
      signer: 'Y Khâm Niê',
      recipients: "UBND các xã, thị trấn; các phòng, ban thuộc huyện Ea H'Leo",
      keptBy: 'Văn phòng HĐND và UBND',
      copies: i % 6 === 0 ? null : 30 + i,
      transferDate: dayOfYear(i),
      receivedBy: 'Lê Văn Đức',
      note: '',
    }));
  },

  document(overrides: Partial<CaseFileDocument>): CaseFileDocument {
    return {
      date: '2025-03-02',
      direction: 'incoming',
      numberNotation: '12/QĐ-UBND',
      typeName: 'Quyết định',
      subject: 'về việc phê duyệt kế hoạch phát triển kinh tế - xã hội',
      issuer: "Ủy ban nhân dân huyện Ea H'Leo",
      signer: 'Y Khâm Niê',
      documentIdentifier: '000.00.12.H17,2025/03/02,12/QĐ-UBND',
      pageAmount: 3,
      ...overrides,
    };
  },
};
