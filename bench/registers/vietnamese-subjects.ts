/**
 * Realistic trích yếu (subjects) of the correspondence of a district in Đắk Lắk and its communes:
 * document type × action × topic × period × place, as clerks actually write them
 * ("Quyết định về việc phê duyệt kế hoạch phòng, chống thiên tai năm 2026 trên địa bàn xã Ea Sol").
 * Deterministic for a given random source so that a seeded database can be rebuilt identically.
 */

export type Random = () => number;

/** mulberry32: small, fast and good enough to spread bench data; seeded so runs are comparable. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** Picks by weight: `[[item, weight], …]`. */
export function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

export const PLACES = [
  'xã Ea Sol',
  'xã Ea Hiao',
  'xã Dliê Yang',
  'xã Ea Khăl',
  'xã Ea Nam',
  'xã Ea Tir',
  'xã Ea Wy',
  'xã Cư Amung',
  'xã Cư Mốt',
  'xã Ea Ral',
  'xã Ea H’Leo',
  'thị trấn Ea Drăng',
  "huyện Ea H'Leo",
  'huyện Krông Búk',
  'huyện Krông Năng',
  'huyện Cư M’gar',
  'huyện Buôn Đôn',
  'huyện Ea Súp',
  'huyện Krông Pắc',
  'thành phố Buôn Ma Thuột',
  'thị xã Buôn Hồ',
  'tỉnh Đắk Lắk',
] as const;

const TOPICS = [
  'phòng, chống thiên tai',
  'phòng cháy, chữa cháy rừng mùa khô',
  'xây dựng nông thôn mới',
  'giảm nghèo bền vững',
  'chuyển đổi số',
  'cải cách hành chính',
  'phòng, chống bệnh dịch tả lợn châu Phi',
  'tiêm chủng mở rộng',
  'thu ngân sách nhà nước',
  'bồi thường, hỗ trợ, tái định cư dự án đường Hồ Chí Minh',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'quản lý, bảo vệ rừng',
  'bảo đảm trật tự an toàn giao thông',
  'chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi',
  'tuyển chọn và gọi công dân nhập ngũ',
  'phổ cập giáo dục, xóa mù chữ',
  'bảo đảm an toàn thực phẩm dịp Tết Nguyên đán',
  'phòng, chống tội phạm và tệ nạn ma túy',
  'tiếp công dân, giải quyết khiếu nại, tố cáo',
  'tái canh cây cà phê',
  'phát triển cây sầu riêng theo tiêu chuẩn VietGAP',
  'phòng, chống hạn hán, thiếu nước sinh hoạt',
  'xóa nhà tạm, nhà dột nát',
  'thực hành tiết kiệm, chống lãng phí',
  'kiểm tra, rà soát văn bản quy phạm pháp luật',
  'đào tạo, bồi dưỡng cán bộ, công chức cấp xã',
  'quản lý trật tự xây dựng',
  'bảo hiểm xã hội, bảo hiểm y tế toàn dân',
  'giải ngân vốn đầu tư công',
  'sắp xếp đơn vị hành chính cấp xã',
  'chi trả trợ cấp xã hội hằng tháng',
  'vận động Quỹ Vì người nghèo',
  'đại hội thể dục thể thao',
  'bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp',
  'quản lý, sử dụng tài sản công',
  'cấp nước sinh hoạt nông thôn',
  'phòng, chống sốt xuất huyết',
  'công tác dân số, kế hoạch hóa gia đình',
] as const;

const DECISION_ACTIONS = [
  'phê duyệt kế hoạch',
  'phê duyệt dự toán kinh phí',
  'ban hành quy chế',
  'thành lập Ban Chỉ đạo',
  'kiện toàn Ban Chỉ huy',
  'giao chỉ tiêu',
  'phân bổ kinh phí thực hiện',
  'điều chỉnh kế hoạch',
  'khen thưởng các tập thể, cá nhân có thành tích trong',
  'thành lập Đoàn kiểm tra',
  'phê duyệt danh sách hộ tham gia',
  'công nhận kết quả',
] as const;

const REPORT_ACTIONS = [
  'Báo cáo tình hình thực hiện',
  'Báo cáo kết quả thực hiện',
  'Báo cáo sơ kết 6 tháng đầu năm công tác',
  'Báo cáo tổng kết công tác',
  'Báo cáo nhanh tình hình',
  'Báo cáo tiến độ',
] as const;

const OFFICIAL_LETTER_ACTIONS = [
  'V/v triển khai thực hiện',
  'V/v tăng cường công tác',
  'V/v đề nghị hỗ trợ kinh phí',
  'V/v góp ý dự thảo kế hoạch',
  'V/v cung cấp số liệu',
  'V/v đôn đốc thực hiện',
  'V/v rà soát, tổng hợp',
  'V/v chấn chỉnh công tác',
] as const;

const MEETINGS = [
  'họp giao ban tháng',
  'họp triển khai nhiệm vụ',
  'dự hội nghị sơ kết',
  'dự hội nghị tổng kết',
  'họp Ban Chỉ đạo',
  'dự lễ phát động',
  'họp thẩm định hồ sơ',
] as const;

/** Senders of incoming documents with the issuer group of their notations (…/QĐ-UBND, …/STC-NSNN). */
const SENDERS: readonly (readonly [name: string, issuer: string])[] = [
  ['UBND tỉnh Đắk Lắk', 'UBND'],
  ['Văn phòng UBND tỉnh Đắk Lắk', 'VPUBND'],
  ['Sở Nông nghiệp và Phát triển nông thôn tỉnh Đắk Lắk', 'SNN'],
  ['Sở Tài chính tỉnh Đắk Lắk', 'STC'],
  ['Sở Nội vụ tỉnh Đắk Lắk', 'SNV'],
  ['Sở Kế hoạch và Đầu tư tỉnh Đắk Lắk', 'SKHĐT'],
  ['Sở Tài nguyên và Môi trường tỉnh Đắk Lắk', 'STNMT'],
  ['Sở Y tế tỉnh Đắk Lắk', 'SYT'],
  ['Sở Giáo dục và Đào tạo tỉnh Đắk Lắk', 'SGDĐT'],
  ['Công an tỉnh Đắk Lắk', 'CAT'],
  ["Huyện ủy Ea H'Leo", 'HU'],
  ["HĐND huyện Ea H'Leo", 'HĐND'],
  ["UBND huyện Ea H'Leo", 'UBND'],
  ["Công an huyện Ea H'Leo", 'CAH'],
  ["Ban Chỉ huy Quân sự huyện Ea H'Leo", 'BCHQS'],
  ["Phòng Tài chính - Kế hoạch huyện Ea H'Leo", 'TCKH'],
  ["Phòng Nội vụ huyện Ea H'Leo", 'PNV'],
  ["Phòng Nông nghiệp và Phát triển nông thôn huyện Ea H'Leo", 'NNPTNT'],
  ['Bảo hiểm xã hội tỉnh Đắk Lắk', 'BHXH'],
  ['Kho bạc Nhà nước Đắk Lắk', 'KBNN'],
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'] as const;
const MIDDLE = ['Văn', 'Thị', 'Đình', 'Minh', 'Hữu', 'Thanh', 'Quốc', 'Ngọc'] as const;
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hà',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Sơn',
  'Thảo',
  'Tuấn',
];
const EDE = ['Y Biêr Niê', 'Y Ngọc Êban', 'H’Hen Niê', 'Y Thuyên Knul', 'H’Yâo Mlô', 'Y Suôi Ayŭn'] as const;

export const POSITIONS = ['Chủ tịch', 'Phó Chủ tịch', 'Giám đốc', 'Phó Giám đốc', 'Chánh Văn phòng'] as const;

export function personName(random: Random): string {
  if (random() < 0.2) return pick(random, EDE);
  return `${pick(random, FAMILY)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
}

export function sender(random: Random): { name: string; issuer: string } {
  const [name, issuer] = pick(random, SENDERS);
  return { name, issuer };
}

/** Vietnamese "năm 2026", "quý III năm 2025", "tháng 10 năm 2024" for a document of `year`. */
function period(random: Random, year: number): string {
  const r = random();
  if (r < 0.5) return `năm ${year}`;
  if (r < 0.7) return `quý ${pick(random, ['I', 'II', 'III', 'IV'])} năm ${year}`;
  if (r < 0.9) return `tháng ${1 + Math.floor(random() * 12)} năm ${year}`;
  return `giai đoạn ${year}-${year + 4}`;
}

function where(random: Random): string {
  return random() < 0.75 ? ` trên địa bàn ${pick(random, PLACES)}` : '';
}

/**
 * A subject for a document of the given type code (ND30 codes of the migration). The type name opens
 * the subject, as in the register's "tên loại và trích yếu" column, so "quyet dinh" finds decisions.
 */
export function subjectFor(random: Random, typeCode: string, year: number): string {
  const topic = pick(random, TOPICS);
  switch (typeCode) {
    case 'QD':
      return `Quyết định về việc ${pick(random, DECISION_ACTIONS)} ${topic} ${period(random, year)}${where(random)}`;
    case 'KH':
      return `Kế hoạch ${pick(random, ['triển khai', 'thực hiện', 'tổ chức', 'kiểm tra'])} công tác ${topic} ${period(random, year)}${where(random)}`;
    case 'BC':
      return `${pick(random, REPORT_ACTIONS)} ${topic} ${period(random, year)}${where(random)}`;
    case 'GM':
      return `Giấy mời ${pick(random, MEETINGS)} về ${topic}`;
    case 'TB':
      return `Thông báo ${pick(random, ['kết luận của Chủ tịch UBND huyện tại cuộc họp về', 'lịch tiếp công dân và', 'kết quả kiểm tra'])} ${topic}`;
    case 'TTR':
      return `Tờ trình đề nghị ${pick(random, ['phê duyệt', 'bổ sung kinh phí', 'điều chỉnh'])} ${topic} ${period(random, year)}`;
    case 'HD':
      return `Hướng dẫn thực hiện ${topic} ${period(random, year)}`;
    case 'CT':
      return `Chỉ thị về tăng cường công tác ${topic}`;
    case 'NQ':
      return `Nghị quyết về ${topic} ${period(random, year)}${where(random)}`;
    case 'BB':
      return `Biên bản ${pick(random, ['kiểm tra', 'làm việc', 'họp'])} về ${topic}${where(random)}`;
    case 'CV':
    default:
      return `${pick(random, OFFICIAL_LETTER_ACTIONS)} ${topic}${where(random)}`;
  }
}

/** Type codes with their share of a register (công văn and reports dominate real registers). */
export const TYPE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['CV', 34],
  ['BC', 14],
  ['QD', 12],
  ['KH', 9],
  ['GM', 9],
  ['TB', 8],
  ['TTR', 5],
  ['HD', 3],
  ['BB', 2],
  ['CT', 2],
  ['NQ', 2],
];

/** Notation abbreviations of those types (ND30), for "12/QĐ-UBND". */
export const TYPE_ABBREVIATIONS: Record<string, string | null> = {
  CV: null,
  BC: 'BC',
  QD: 'QĐ',
  KH: 'KH',
  GM: 'GM',
  TB: 'TB',
  TTR: 'TTr',
  HD: 'HD',
  BB: 'BB',
  CT: 'CT',
  NQ: 'NQ',
};
