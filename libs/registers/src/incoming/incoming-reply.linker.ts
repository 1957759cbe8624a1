import { Injectable } from '@nestjs/common';
import { Clock } from '@vanthu/shared';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { type CloseActor, IncomingCloser } from './incoming-closer';
import { OPEN_STATUSES } from './incoming-rules';

/**
 * Closes the incoming document an outgoing one answers, called inside the transaction that issues
 * the outgoing document (so the reply is linked exactly when it gets its number). An incoming entry
 * already closed, returned or recalled is left as it is: issuing the reply must not fail on it.
 */
@Injectable()
export class IncomingReplyLinker {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly closer: IncomingCloser,
    private readonly clock: Clock,
  ) {}

  /** The closed incoming entry, or null when there was nothing open to close. */
  async linkReply(outgoing: RegisterEntryEntity, actor: CloseActor): Promise<RegisterEntryEntity | null> {
    if (outgoing.direction !== 'outgoing' || !outgoing.replyToEntryId) return null;
    const found = await this.entries.findInAgency(outgoing.agencyId, outgoing.replyToEntryId);
    if (!found || found.direction !== 'incoming') return null;
    const entry = await this.entries.lockForChange(outgoing.agencyId, found.id);
    if (!(OPEN_STATUSES as readonly string[]).includes(entry.status)) return null;
    return this.closer.close(entry, { reply: outgoing, note: null, actor, at: this.clock.now() });
  }
}
