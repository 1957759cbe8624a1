import { Global, Module } from '@nestjs/common';
import { AuditChainVerifier } from './audit-chain-verifier';
import { AuditEventRepository } from './audit-event.repository';
import { AuditLog } from './audit-log';

@Global()
@Module({
  providers: [AuditEventRepository, AuditLog, AuditChainVerifier],
  exports: [AuditLog, AuditChainVerifier, AuditEventRepository],
})
export class AuditModule {}
