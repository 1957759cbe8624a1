export { ExchangeModule } from './exchange.module';
export { EXCHANGE_ENTITIES } from './exchange.entities';
export { ExchangeRuntime } from './exchange-runtime';
export { EXCHANGE_ERROR_CODES, exchangeError, type ExchangeErrorCode } from './exchange.errors';
export {
  DEFAULT_ROUTE,
  PEER_NAME_PATTERN,
  parsePeersConfiguration,
  readPeersFile,
  type PeerDefinition,
  type PeersConfiguration,
} from './peers/peers-file';
export {
  AGENCY_URI_PREFIX,
  certificateAgencyCodes,
  issueExchangeIdentity,
  type IssueExchangeIdentityInput,
} from './identity/exchange-identity-certificate';
export {
  demoIssuer,
  EnsureExchangeIdentityUseCase,
  readIdentityP12,
  type IdentityOutcome,
} from './identity/ensure-exchange-identity.use-case';
export { ExchangeIdentityStore, type IdentitySummary } from './identity/exchange-identity.store';
export {
  ExchangeInboxPort,
  type ReceivedDocument,
  type ReceivedDocumentFields,
  type StatusTarget,
} from './node/exchange-inbox.port';
export {
  ExchangeOutboxPort,
  type OutgoingDocument,
  type RegisterPriorityName,
} from './node/exchange-outbox.port';
export { StatusSender, type OutgoingStatus } from './node/status-sender';
export { ExchangeSignals, type WorkerName } from './workers/exchange-signals';
export {
  ResendDeliveryUseCase,
  type ResendDeliveryInput,
  type ResendOutcome,
} from './node/resend-delivery.use-case';
export {
  ListDeadLettersUseCase,
  DEAD_LETTERS_MAX_LIMIT,
  type DeadLetterView,
} from './node/list-dead-letters.use-case';
export { ExchangeOverviewUseCase, type ExchangeOverview, type PeerView } from './exchange-status.use-case';
export { statusConsignmentId, uuidV5 } from './node/status-consignment-id';
export { signRequest, verifyRequestSignature, EXCHANGE_HEADERS } from './transport/request-signature';
export { signReceipt, verifyReceipt, type ExchangeReceipt } from './transport/exchange-receipt';
export {
  type BatchResult,
  decodeBatch,
  decodeBatchAnswer,
  encodeBatch,
  encodeBatchAnswer,
} from './transport/consignment-batch';
export { retryDelayMs } from './outbound/retry-backoff';
// Workers and the peers loader (the runtime starts them; tests drive them tick by tick)
export { PackageBuildWorker } from './node/package-build.worker';
export { InboundProcessWorker } from './node/inbound-process.worker';
export { SendWorker } from './outbound/send-worker';
export { NON_RECEIPT_ANSWER_LIMIT } from './outbound/send-attempt';
export { MailboxPollWorker } from './mailbox/mailbox-poll.worker';
export { SyncPeersUseCase, type PeersSyncResult } from './peers/sync-peers.use-case';
