import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { auditActorOf } from '../../entries/entry-actor';
import { RegisterRepository } from '../register.repository';
import type { OutgoingSeries } from '../register-setting.entity';

/**
 * One outgoing series for the agency or one per document type (the head of the agency decides,
 * ND30). Takes effect for registers created from now on; series already running keep counting.
 */
@Injectable()
export class SetOutgoingSeriesUseCase {
  constructor(
    private readonly db: Database,
    private readonly registers: RegisterRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: { principal: Principal; agencyId: string; series: OutgoingSeries }): Promise<void> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    await this.db.transaction(async () => {
      await this.registers.setOutgoingSeries(input.agencyId, input.series, this.clock.now());
      await this.audit.record({
        action: 'register.series_configured',
        agencyId: input.agencyId,
        actor: auditActorOf(input.principal),
        subjectType: 'agency',
        subjectId: input.agencyId,
        details: { outgoingSeries: input.series },
      });
    });
  }
}
