import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import type { Principal } from '../auth/principal';
import { SessionRepository } from '../sessions/session.repository';

@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly db: Database,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal): Promise<void> {
    await this.db.transaction(async () => {
      await this.sessions.revoke(principal.sessionId, this.clock.now());
      await this.audit.record({
        action: 'auth.logout',
        agencyId: principal.agencyId,
        actor: { id: principal.userId, name: principal.username },
      });
    });
  }
}
