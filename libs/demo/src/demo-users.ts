import { DEMO_CENTRAL_CODE, DEMO_DISTRICT_CODE, demoCommuneCode } from '@vanthu/directory';
import type { Role } from '@vanthu/identity';

export interface DemoUser {
  readonly username: string;
  readonly fullName: string;
  readonly position: string;
  readonly agencyCode: string;
  /** Code of the unit (phòng, ban) the user works in, if any. */
  readonly unitCode: string | null;
  readonly roles: readonly Role[];
}

function agencyUsers(
  prefix: string,
  agencyCode: string,
  head: string,
  people: { admin: string; clerk: string; leader: string; specialist: string },
): DemoUser[] {
  return [
    {
      username: `${prefix}.quantri`,
      fullName: people.admin,
      position: 'Quản trị hệ thống',
      agencyCode,
      unitCode: 'VP',
      roles: ['admin'],
    },
    {
      username: `${prefix}.vanthu`,
      fullName: people.clerk,
      position: 'Văn thư',
      agencyCode,
      unitCode: 'VP',
      roles: ['clerk'],
    },
    {
      username: `${prefix}.lanhdao`,
      fullName: people.leader,
      position: head,
      agencyCode,
      unitCode: null,
      roles: ['leader'],
    },
    {
      username: `${prefix}.chuyenvien`,
      fullName: people.specialist,
      position: 'Chuyên viên',
      agencyCode,
      unitCode: prefix === 'huyen' ? 'VP' : 'VX',
      roles: ['specialist'],
    },
  ];
}

/**
 * Demo users of each role in the district and in two communes (Ea Drăng town and Ea Sol). Their
 * passwords are generated at seeding and printed once, or set with VANTHU_DEMO_PASSWORD.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  ...agencyUsers('huyen', DEMO_DISTRICT_CODE, 'Chủ tịch', {
    admin: 'Phạm Minh Đức',
    clerk: 'Trần Thị Bình',
    leader: 'Nguyễn Văn An',
    specialist: 'Lê Văn Cường',
  }),
  ...agencyUsers('eadrang', demoCommuneCode(1), 'Chủ tịch', {
    admin: 'Hoàng Văn Em',
    clerk: "H'Hen Niê",
    leader: 'Y Khu Niê',
    specialist: 'Đỗ Văn Hải',
  }),
  ...agencyUsers('easol', demoCommuneCode(3), 'Chủ tịch', {
    admin: 'Đặng Văn Minh',
    clerk: 'Ngô Văn Khánh',
    leader: 'Võ Thị Hồng',
    specialist: 'Bùi Thị Lan',
  }),
];

/** Demo users of the Government Office, for a central node (VANTHU_DEMO_WORLD=central). */
export const DEMO_CENTRAL_USERS: readonly DemoUser[] = agencyUsers(
  'vpcp',
  DEMO_CENTRAL_CODE,
  'Bộ trưởng, Chủ nhiệm',
  {
    admin: 'Trịnh Quốc Việt',
    clerk: 'Lương Thị Thu',
    leader: 'Trần Văn Sơn',
    specialist: 'Phan Minh Tuấn',
  },
);
