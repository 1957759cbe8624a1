import type { DemoWorldName } from '@vanthu/config';
import { demoWorld } from '@vanthu/demo';
import { DEMO_CENTRAL_CODE, DEMO_DISTRICT_CODE, DEMO_PROVINCE_CODE } from '@vanthu/directory';

export type InstallationRole = 'hub' | 'node';

/** One installation of a network: a node (apps/server) or a hub (apps/hub), one process group. */
export interface InstallationPlan {
  /** VANTHU_EXCHANGE_NAME and the name of its folder. */
  readonly name: string;
  readonly role: InstallationRole;
  /** What it is, in Vietnamese, for the console. */
  readonly title: string;
  /** The demo agencies it hosts (VANTHU_DEMO_WORLD). */
  readonly world: DemoWorldName;
  /** The agencies at the top of the subtrees it hosts: the SANs of its exchange identity. */
  readonly identityAgencies: readonly string[];
  /** Agency code (or "*") → the peer that reaches it. */
  readonly routes: Readonly<Record<string, string>>;
}

/**
 * A connection between two installations. `push`: each pushes to the other's URL. `poll`: `from`
 * has no inbound port; it pushes to the hub `to` and polls that hub's mailbox for what is addressed
 * to it.
 */
export interface NetworkLink {
  readonly from: string;
  readonly to: string;
  readonly mode: 'push' | 'poll';
}

export interface NetworkPlan {
  readonly installations: readonly InstallationPlan[];
  readonly links: readonly NetworkLink[];
}

/** The peers an installation has, with what it knows of each. */
export interface PeerOfInstallation {
  readonly name: string;
  readonly role: InstallationRole;
  /** This installation pushes to the peer's URL (false: the peer polls this installation). */
  readonly push: boolean;
  /** This installation polls the peer (a hub) for its mailbox. */
  readonly poll: boolean;
}

export const NATIONAL_HUB = 'hub-quocgia';
export const PROVINCE_HUB = 'hub-daklak';
export const DISTRICT_NODE = 'node-eahleo';
export const CENTRAL_NODE = 'node-vpcp';

/**
 * The seed's four levels (docs/network.md): the national hub, the Đắk Lắk province hub under it,
 * the Ea H'Leo district node (the district and its 12 communes) under the province hub, and the
 * Government Office's node under the national hub. The district node polls its hub by default (a
 * district behind a firewall, the case the mailbox exists for); `districtMode: 'push'` gives it an
 * inbound port instead.
 */
export function fourLevelPlan(options: { districtMode?: 'push' | 'poll' } = {}): NetworkPlan {
  return {
    installations: [
      {
        name: NATIONAL_HUB,
        role: 'hub',
        title: 'Trục liên thông văn bản quốc gia',
        world: 'none',
        identityAgencies: [],
        routes: { [DEMO_CENTRAL_CODE]: CENTRAL_NODE, [DEMO_PROVINCE_CODE]: PROVINCE_HUB },
      },
      {
        name: PROVINCE_HUB,
        role: 'hub',
        title: 'Trục liên thông tỉnh Đắk Lắk',
        world: 'none',
        identityAgencies: [],
        routes: { [DEMO_DISTRICT_CODE]: DISTRICT_NODE, '*': NATIONAL_HUB },
      },
      {
        name: DISTRICT_NODE,
        role: 'node',
        title: "UBND huyện Ea H'Leo, 13 phòng ban và 12 xã, thị trấn",
        world: 'district',
        identityAgencies: [DEMO_DISTRICT_CODE],
        routes: { '*': PROVINCE_HUB },
      },
      {
        name: CENTRAL_NODE,
        role: 'node',
        title: 'Văn phòng Chính phủ',
        world: 'central',
        identityAgencies: [DEMO_CENTRAL_CODE],
        routes: { '*': NATIONAL_HUB },
      },
    ],
    links: [
      { from: CENTRAL_NODE, to: NATIONAL_HUB, mode: 'push' },
      { from: PROVINCE_HUB, to: NATIONAL_HUB, mode: 'push' },
      { from: DISTRICT_NODE, to: PROVINCE_HUB, mode: options.districtMode ?? 'poll' },
    ],
  };
}

/** The peers of one installation, from the links that touch it. */
export function peersOf(plan: NetworkPlan, name: string): PeerOfInstallation[] {
  const role = (peer: string) => installation(plan, peer).role;
  return plan.links.flatMap((link): PeerOfInstallation[] => {
    if (link.from === name)
      return [{ name: link.to, role: role(link.to), push: true, poll: link.mode === 'poll' }];
    if (link.to === name)
      return [{ name: link.from, role: role(link.from), push: link.mode === 'push', poll: false }];
    return [];
  });
}

export function installation(plan: NetworkPlan, name: string): InstallationPlan {
  const found = plan.installations.find((i) => i.name === name);
  if (!found) throw new Error(`no installation named ${name} in the network plan`);
  return found;
}

/** The agency codes an installation of this demo world hosts (a hub: none). */
export function hostedAgencies(world: DemoWorldName): string[] {
  return [...demoWorld(world).hostedCodes];
}
