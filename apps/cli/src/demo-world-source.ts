import { DEMO_USERS } from '@vanthu/demo';
import { DEMO_AGENCIES } from '@vanthu/directory';
import type { DemoOrganisation, DemoPerson } from '@vanthu/signing';

export interface DemoWorld {
  readonly organisations: readonly DemoOrganisation[];
  readonly people: readonly DemoPerson[];
}

/**
 * The demo PKI follows the demo world: one organisation certificate per agency hosted on the node
 * (the district and its communes) and one personal certificate per demo leader.
 */
export async function loadDemoWorld(): Promise<DemoWorld> {
  return {
    organisations: DEMO_AGENCIES.filter((a) => a.hosted).map((a) => ({ code: a.code, name: a.name })),
    people: DEMO_USERS.filter((u) => u.roles.includes('leader')).map((u) => ({
      username: u.username,
      fullName: u.fullName,
      position: u.position,
      agencyCode: u.agencyCode,
    })),
  };
}
