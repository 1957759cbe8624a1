export { EXCHANGE_ERROR_CODES, exchangeError, type ExchangeErrorCode } from './exchange.errors';
export {
  DEFAULT_ROUTE,
  PEER_NAME_PATTERN,
  parsePeersConfiguration,
  readPeersFile,
  type PeerDefinition,
  type PeersConfiguration,
} from './peers/peers-file';
