/** An agency as the rest of the product sees it (the entity stays inside the directory). */
export interface Agency {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly abbreviation: string | null;
  readonly parentId: string | null;
  readonly parentCode: string | null;
  /** "Trung ương", "Tỉnh", "Huyện", "Xã"… — data, since the number of tiers changes over time. */
  readonly levelLabel: string;
  /** The code that replaced this one when the agency was merged or renamed. */
  readonly successorCode: string | null;
  /** Whether this installation hosts the agency (its registers, users, certificates). */
  readonly hosted: boolean;
  readonly isDemo: boolean;
  readonly address: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly website: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

/** The fields a person or an import file sets; the portable form of an agency (export/import). */
export interface AgencyRecord {
  code: string;
  name: string;
  shortName: string | null;
  abbreviation: string | null;
  parentCode: string | null;
  levelLabel: string;
  successorCode: string | null;
  hosted: boolean;
  isDemo: boolean;
  address: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

/** Column order of exports; also the keys accepted by imports. */
export const AGENCY_RECORD_FIELDS = [
  'code',
  'name',
  'shortName',
  'abbreviation',
  'parentCode',
  'levelLabel',
  'successorCode',
  'hosted',
  'isDemo',
  'address',
  'email',
  'phone',
  'website',
] as const satisfies readonly (keyof AgencyRecord)[];

export function toAgencyRecord(agency: Agency): AgencyRecord {
  return {
    code: agency.code,
    name: agency.name,
    shortName: agency.shortName,
    abbreviation: agency.abbreviation,
    parentCode: agency.parentCode,
    levelLabel: agency.levelLabel,
    successorCode: agency.successorCode,
    hosted: agency.hosted,
    isDemo: agency.isDemo,
    address: agency.address,
    email: agency.email,
    phone: agency.phone,
    website: agency.website,
  };
}
