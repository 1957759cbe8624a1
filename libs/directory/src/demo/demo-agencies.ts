/**
 * Demo directory: the district of Ea H'Leo (Đắk Lắk) with its province, the Government Office above
 * and its 12 communes. The codes follow the national format but are marked demo (`isDemo`), so a
 * real deployment can tell them apart and replace them with the codes issued to it.
 */
export interface DemoAgency {
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly abbreviation: string | null;
  readonly parentCode: string | null;
  readonly levelLabel: string;
  readonly hosted: boolean;
  readonly isDemo: true;
}

export interface DemoUnit {
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string;
}

export const DEMO_CENTRAL_CODE = '000.00.00.G22';
export const DEMO_PROVINCE_CODE = '000.00.00.H15';
export const DEMO_DISTRICT_CODE = '000.00.12.H15';

const COMMUNES: readonly (readonly [kind: 'xã' | 'thị trấn', place: string])[] = [
  ['thị trấn', 'Ea Drăng'],
  ['xã', "Ea H'Leo"],
  ['xã', 'Ea Sol'],
  ['xã', 'Ea Ral'],
  ['xã', 'Ea Wy'],
  ['xã', 'Cư A Mung'],
  ['xã', 'Ea Tir'],
  ['xã', 'Ea Khăl'],
  ['xã', 'Ea Nam'],
  ['xã', 'Dliê Yang'],
  ['xã', 'Cư Mốt'],
  ['xã', 'Ea Hiao'],
];

/** Code of the n-th demo commune (1..12): `000.NN.12.H15`. */
export function demoCommuneCode(n: number): string {
  return `000.${String(n).padStart(2, '0')}.12.H15`;
}

export const DEMO_COMMUNE_CODES: readonly string[] = COMMUNES.map((_, i) => demoCommuneCode(i + 1));

/** Parents come before children, so the list can be inserted in order. */
export const DEMO_AGENCIES: readonly DemoAgency[] = [
  {
    code: DEMO_CENTRAL_CODE,
    name: 'Văn phòng Chính phủ',
    shortName: null,
    abbreviation: 'VPCP',
    parentCode: null,
    levelLabel: 'Trung ương',
    hosted: false,
    isDemo: true,
  },
  {
    code: DEMO_PROVINCE_CODE,
    name: 'Ủy ban nhân dân tỉnh Đắk Lắk',
    shortName: 'UBND tỉnh Đắk Lắk',
    abbreviation: 'UBND',
    parentCode: DEMO_CENTRAL_CODE,
    levelLabel: 'Tỉnh',
    hosted: false,
    isDemo: true,
  },
  {
    code: DEMO_DISTRICT_CODE,
    name: "Ủy ban nhân dân huyện Ea H'Leo",
    shortName: "UBND huyện Ea H'Leo",
    abbreviation: 'UBND',
    parentCode: DEMO_PROVINCE_CODE,
    levelLabel: 'Huyện',
    hosted: true,
    isDemo: true,
  },
  ...COMMUNES.map(([kind, place], i): DemoAgency => ({
    code: demoCommuneCode(i + 1),
    name: `Ủy ban nhân dân ${kind} ${place}`,
    shortName: `UBND ${kind} ${place}`,
    abbreviation: 'UBND',
    parentCode: DEMO_DISTRICT_CODE,
    levelLabel: 'Xã',
    hosted: true,
    isDemo: true,
  })),
];

/** The 13 specialised offices of the district, as units of the district agency. */
export const DEMO_DISTRICT_UNITS: readonly DemoUnit[] = [
  { code: 'VP', name: 'Văn phòng HĐND và UBND', abbreviation: 'VP' },
  { code: 'NV', name: 'Phòng Nội vụ', abbreviation: 'NV' },
  { code: 'TCKH', name: 'Phòng Tài chính - Kế hoạch', abbreviation: 'TCKH' },
  { code: 'TP', name: 'Phòng Tư pháp', abbreviation: 'TP' },
  { code: 'TNMT', name: 'Phòng Tài nguyên và Môi trường', abbreviation: 'TNMT' },
  { code: 'KTHT', name: 'Phòng Kinh tế - Hạ tầng', abbreviation: 'KTHT' },
  { code: 'NN', name: 'Phòng Nông nghiệp và Phát triển nông thôn', abbreviation: 'NN' },
  { code: 'GDĐT', name: 'Phòng Giáo dục và Đào tạo', abbreviation: 'GDĐT' },
  { code: 'VHTT', name: 'Phòng Văn hóa và Thông tin', abbreviation: 'VHTT' },
  { code: 'YT', name: 'Phòng Y tế', abbreviation: 'YT' },
  { code: 'LĐTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', abbreviation: 'LĐTBXH' },
  { code: 'DT', name: 'Phòng Dân tộc', abbreviation: 'DT' },
  { code: 'TTr', name: 'Thanh tra huyện', abbreviation: 'TTr' },
];

/** The units of the Government Office on a central demo node (VANTHU_DEMO_WORLD=central). */
export const DEMO_CENTRAL_UNITS: readonly DemoUnit[] = [
  { code: 'VP', name: 'Vụ Hành chính', abbreviation: 'HC' },
  { code: 'VX', name: 'Vụ Khoa giáo - Văn xã', abbreviation: 'KGVX' },
  { code: 'DP', name: 'Vụ Địa phương', abbreviation: 'ĐP' },
];

/** The units every demo commune gets. */
export const DEMO_COMMUNE_UNITS: readonly DemoUnit[] = [
  { code: 'VP', name: 'Văn phòng', abbreviation: 'VP' },
  { code: 'VX', name: 'Văn hóa - Xã hội', abbreviation: 'VX' },
  { code: 'ĐC', name: 'Địa chính - Xây dựng', abbreviation: 'ĐC' },
];
