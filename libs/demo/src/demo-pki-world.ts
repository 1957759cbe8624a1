import { demoWorld } from './demo-world';

export type { DemoPkiWorld } from './demo-world';

/**
 * The demo PKI of a single node's demo (the district world): one organisation certificate per
 * hosted agency (the district and its communes) and one personal certificate per demo leader.
 */
export const DEMO_PKI_WORLD = demoWorld('district').pki;
