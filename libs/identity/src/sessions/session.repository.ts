import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { IsNull, Not } from 'typeorm';
import type { Principal, RoleGrant } from '../auth/principal';
import { UserSessionEntity } from './user-session.entity';

interface PrincipalRow {
  session_id: string;
  user_id: string;
  username: string;
  full_name: string;
  agency_id: string;
  roles: RoleGrant[];
}

/*
 * Every authenticated request runs this, so session, user and roles come back in one round trip of
 * raw SQL: three entity finds cost three round trips and three query builds of Node CPU each.
 * Roles are all of the user's grants, in every agency, as UserRepository.rolesOf gives them.
 */
const PRINCIPAL_BY_TOKEN_HASH = `
  SELECT s.id AS session_id, u.id AS user_id, u.username, u.full_name, u.agency_id,
         COALESCE(
           (SELECT json_agg(json_build_object('agencyId', r.agency_id, 'role', r.role)
                            ORDER BY r.agency_id, r.role)
              FROM user_role r
             WHERE r.user_id = u.id),
           '[]'::json) AS roles
    FROM user_session s
    JOIN app_user u ON u.id = s.user_id
   WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`;

@Injectable()
export class SessionRepository {
  constructor(private readonly db: Database) {}

  create(session: Partial<UserSessionEntity>): Promise<UserSessionEntity> {
    return this.db.manager.save(UserSessionEntity, this.db.manager.create(UserSessionEntity, session));
  }

  /** The principal of a session neither revoked nor expired at `now`, whose user is active; else null. */
  async findPrincipalByTokenHash(tokenHash: string, now: Date): Promise<Principal | null> {
    const { rows } = await this.db.prepared<PrincipalRow>(PRINCIPAL_BY_TOKEN_HASH, [tokenHash, now]);
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.user_id,
      username: row.username,
      fullName: row.full_name,
      agencyId: row.agency_id,
      roles: row.roles,
      sessionId: row.session_id,
    };
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
