import { Global, Module } from '@nestjs/common';
import { AuditChainVerifier } from './audit-chain-verifier';
import { AuditEventRepository } from './audit-event.repository';
import { AuditLog } from './audit-log';
import { ListAuditEventsUseCase } from './use-cases/list-audit-events.use-case';

@Global()
@Module({
  providers: [AuditEventRepository, AuditLog, AuditChainVerifier, ListAuditEventsUseCase],
  exports: [AuditLog, AuditChainVerifier, AuditEventRepository, ListAuditEventsUseCase],
})
export class AuditModule {}
