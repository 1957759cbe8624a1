export { AuditModule } from './audit.module';
export { AuditLog, type AuditActor, type AuditRecord } from './audit-log';
export { AuditChainVerifier, type AuditChainProblem, type AuditChainReport } from './audit-chain-verifier';
export { AuditEventRepository } from './audit-event.repository';
export { AuditEventEntity } from './audit-event.entity';
export { AUDIT_ENTITIES } from './audit.entities';
export {
  AUDIT_EVENTS_DEFAULT_LIMIT,
  AUDIT_EVENTS_MAX_LIMIT,
  ListAuditEventsUseCase,
  type AuditEventView,
} from './use-cases/list-audit-events.use-case';
