import type { DemoWorldName } from '@vanthu/config';
import {
  DEMO_AGENCIES,
  DEMO_CENTRAL_CODE,
  DEMO_CENTRAL_UNITS,
  DEMO_COMMUNE_CODES,
  DEMO_COMMUNE_UNITS,
  DEMO_DISTRICT_CODE,
  DEMO_DISTRICT_UNITS,
  type DemoUnit,
} from '@vanthu/directory';
import type { DemoOrganisation, DemoPerson } from '@vanthu/signing';
import { DEMO_CENTRAL_USERS, DEMO_USERS, type DemoUser } from './demo-users';

export interface DemoPkiWorld {
  readonly organisations: readonly DemoOrganisation[];
  readonly people: readonly DemoPerson[];
}

/** What one installation of the demo network hosts: the whole directory is the same everywhere. */
export interface DemoWorld {
  readonly name: DemoWorldName;
  readonly hostedCodes: ReadonlySet<string>;
  readonly units: readonly (readonly [agencyCode: string, units: readonly DemoUnit[]])[];
  readonly users: readonly DemoUser[];
  /** one organisation certificate per hosted agency, one personal certificate per leader */
  readonly pki: DemoPkiWorld;
}

const HOSTED: Record<DemoWorldName, readonly string[]> = {
  district: [DEMO_DISTRICT_CODE, ...DEMO_COMMUNE_CODES],
  central: [DEMO_CENTRAL_CODE],
  none: [],
};

function pkiOf(hosted: readonly string[], users: readonly DemoUser[]): DemoPkiWorld {
  return {
    organisations: DEMO_AGENCIES.filter((a) => hosted.includes(a.code)).map((a) => ({
      code: a.code,
      name: a.name,
    })),
    people: users
      .filter((u) => u.roles.includes('leader'))
      .map((u) => ({
        username: u.username,
        fullName: u.fullName,
        position: u.position,
        agencyCode: u.agencyCode,
      })),
  };
}

/**
 * The demo worlds (VANTHU_DEMO_WORLD): `district` is Ea H'Leo with its 12 communes (a single node's
 * demo, the default), `central` the Government Office (the central node of `npm run demo:network`),
 * `none` the directory alone (hubs).
 */
export function demoWorld(name: DemoWorldName): DemoWorld {
  const hosted = HOSTED[name];
  const users = name === 'district' ? DEMO_USERS : name === 'central' ? DEMO_CENTRAL_USERS : [];
  const units: [string, readonly DemoUnit[]][] =
    name === 'district'
      ? [
          [DEMO_DISTRICT_CODE, DEMO_DISTRICT_UNITS],
          ...DEMO_COMMUNE_CODES.map((c): [string, readonly DemoUnit[]] => [c, DEMO_COMMUNE_UNITS]),
        ]
      : name === 'central'
        ? [[DEMO_CENTRAL_CODE, DEMO_CENTRAL_UNITS]]
        : [];
  return { name, hostedCodes: new Set(hosted), units, users, pki: pkiOf(hosted, users) };
}

/** Every organisation and leader of every world: one PKI a whole demo network can share. */
export const DEMO_NETWORK_PKI_WORLD: DemoPkiWorld = pkiOf(
  [...HOSTED.district, ...HOSTED.central],
  [...DEMO_USERS, ...DEMO_CENTRAL_USERS],
);
