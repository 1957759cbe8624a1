import type { AuditActor } from '@vanthu/audit';
import type { Principal } from '@vanthu/identity';

export function auditActorOf(principal: Principal): AuditActor {
  return { id: principal.userId, name: principal.username };
}
