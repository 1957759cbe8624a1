import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { IsNull, MoreThan, Not } from 'typeorm';
import { UserSessionEntity } from './user-session.entity';

@Injectable()
export class SessionRepository {
  constructor(private readonly db: Database) {}

  create(session: Partial<UserSessionEntity>): Promise<UserSessionEntity> {
    return this.db.manager.save(UserSessionEntity, this.db.manager.create(UserSessionEntity, session));
  }

  findActiveByTokenHash(tokenHash: string, now: Date): Promise<UserSessionEntity | null> {
    return this.db.manager.findOneBy(UserSessionEntity, {
      tokenHash,
      revokedAt: IsNull(),
      expiresAt: MoreThan(now),
    });
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.db.manager.update(UserSessionEntity, { id, revokedAt: IsNull() }, { revokedAt: now });
  }

  async revokeAllForUser(userId: string, now: Date, exceptSessionId?: string): Promise<void> {
    const where = exceptSessionId
      ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) }
      : { userId, revokedAt: IsNull() };
    await this.db.manager.update(UserSessionEntity, where, { revokedAt: now });
  }
}
