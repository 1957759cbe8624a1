import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { IdentityErrors } from '../identity.errors';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings';
import { PasswordHasher } from '../passwords/password-hasher';
import { LoginThrottleRepository } from '../sessions/login-throttle.repository';
import { SessionRepository } from '../sessions/session.repository';
import { hashSessionToken, newSessionToken } from '../sessions/session-token';
import { UserRepository } from '../users/user.repository';

export interface LoginInput {
  username: string;
  password: string;
  ip?: string;
  userAgent?: string;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  userId: string;
  mustChangePassword: boolean;
}

/**
 * Checks a password and opens a session. Answers for an unknown user, an inactive user and a wrong
 * password are identical (same code, same lockout counting, a hash computed either way), so the
 * endpoint does not reveal which usernames exist.
 */
@Injectable()
export class LoginUseCase {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(input: LoginInput): Promise<LoginResult> {
    const username = input.username.trim().toLowerCase().slice(0, 64);
    const now = this.clock.now();
    const state = await this.throttle.get(username);
    if (state.lockedUntil && state.lockedUntil > now) {
      await this.audit.record({ action: 'auth.login_refused_locked', details: { username } });
      throw IdentityErrors.locked(minutesLeft(state.lockedUntil, now));
    }

    const user = await this.users.findByUsername(username);
    this.dummyHash ??= this.hasher.hash('vanthu-dummy-password-1');
    const passwordOk = await this.hasher.verify(input.password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !user.active || !passwordOk) {
      const lockUntil = new Date(now.getTime() + this.settings.lockoutMinutes * 60_000);
      const after = await this.db.transaction(async () => {
        const s = await this.throttle.recordFailure(username, this.settings.lockoutThreshold, now, lockUntil);
        await this.audit.record({
          action: 'auth.login_failed',
          agencyId: user?.agencyId ?? null,
          actor: user ? { id: user.id, name: user.username } : undefined,
          details: { username, failures: s.failures, locked: s.lockedUntil !== null },
        });
        return s;
      });
      if (after.lockedUntil) throw IdentityErrors.locked(minutesLeft(after.lockedUntil, now));
      throw IdentityErrors.invalidCredentials();
    }

    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.settings.sessionTtlMinutes * 60_000);
    await this.db.transaction(async () => {
      await this.throttle.reset(username);
      await this.sessions.create({
        tokenHash: hashSessionToken(token),
        userId: user.id,
        expiresAt,
        ip: input.ip?.slice(0, 64) ?? null,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      await this.audit.record({
        action: 'auth.login',
        agencyId: user.agencyId,
        actor: { id: user.id, name: user.username },
        subjectType: 'user',
        subjectId: user.id,
      });
    });
    return { token, expiresAt, userId: user.id, mustChangePassword: user.mustChangePassword };
  }
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
