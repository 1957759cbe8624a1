import { DEMO_AGENCIES } from '@vanthu/directory';
import type { DemoOrganisation, DemoPerson } from '@vanthu/signing';
import { DEMO_USERS } from './demo-users';

export interface DemoPkiWorld {
  readonly organisations: readonly DemoOrganisation[];
  readonly people: readonly DemoPerson[];
}

/**
 * The demo PKI follows the demo world: one organisation certificate per agency hosted on the node
 * (the district and its communes) and one personal certificate per demo leader.
 */
export const DEMO_PKI_WORLD: DemoPkiWorld = {
  organisations: DEMO_AGENCIES.filter((a) => a.hosted).map((a) => ({ code: a.code, name: a.name })),
  people: DEMO_USERS.filter((u) => u.roles.includes('leader')).map((u) => ({
    username: u.username,
    fullName: u.fullName,
    position: u.position,
    agencyCode: u.agencyCode,
  })),
};
