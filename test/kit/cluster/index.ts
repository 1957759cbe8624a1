export { Cluster, CLUSTER_DEMO_PASSWORD, type ClusterOptions } from './cluster';
export { ClusterInstallation } from './cluster-installation';
export { TrafficProxy, type ProxiedRequest } from './traffic-proxy';
export { freePortRange } from './free-port-range';
export { peerRequest, type PeerCredentials, type PeerResponse } from './peer-client';
export {
  CENTRAL_NODE,
  DISTRICT_NODE,
  NATIONAL_HUB,
  PROVINCE_HUB,
  fourLevelPlan,
  type NetworkPlan,
} from '../../../apps/cli/src/commands/network/network-plan';
export {
  agencyOf,
  demoPeople,
  inbox,
  issueDocument,
  issuePrepared,
  prepareDocument,
  ok,
  waitFor,
  type AgencyPeople,
  type ApiNode,
  type DraftInput,
  type SignedDraft,
} from './document-flow';
