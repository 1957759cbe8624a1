import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import type { NewEntry } from '../entries/register-entry.repository';
import { UNSET_ENTRY_FIELDS } from '../entries/unset-entry-fields';

/** A register entry with every column given; tests override what they are about. Test code only. */
export function newEntry(agencyId: string, over: Partial<NewEntry> = {}): NewEntry {
  const entryDate = over.entryDate ?? '2026-11-20';
  return {
    ...UNSET_ENTRY_FIELDS,
    id: randomUUID(),
    agencyId,
    direction: 'incoming',
    status: 'registered',
    entryDate,
    documentTypeCode: 'CV',
    subject: 'V/v kiểm tra công tác văn thư',
    organId: null,
    organName: null,
    priority: 'normal',
    replacedBy: null,
    createdAt: new Date(`${entryDate}T03:00:00Z`),
    ...over,
  };
}

export function principalOf(agencyId: string, userId: string, role: Role = 'specialist'): Principal {
  return {
    userId,
    username: `u.${userId.slice(0, 8)}`,
    fullName: 'Chuyên viên',
    agencyId,
    roles: [{ agencyId, role }],
    sessionId: 'test-session',
  };
}

export class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }
}
