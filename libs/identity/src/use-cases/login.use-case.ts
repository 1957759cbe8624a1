import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { IdentityErrors } from '../identity.errors';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings';
import { PasswordHasher } from '../passwords/password-hasher';
import { LoginAttemptRepository } from '../sessions/login-attempt.repository';
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

/** Longest wait between two password checks of a username under a distributed guessing attack. */
const MAX_SLOWDOWN_MS = 60_000;
/** A username is slowed down after this many times the per-source limit of failed checks. */
const ACCOUNT_LIMIT_FACTOR = 4;

/**
 * Checks a password and opens a session. Answers for an unknown user, an inactive user and a wrong
 * password are identical (same code, same counting, a hash computed either way), so the endpoint
 * does not reveal which usernames exist. Brute force is held off without letting anyone lock a
 * clerk out (decideLoginAttempt): each source address gets a few checks per username, and a
 * username guessed at from many sources is slowed down, not locked. The attempt is counted before
 * the password is checked, so parallel attempts cannot slip past the count.
 */
@Injectable()
export class LoginUseCase {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly attempts: LoginAttemptRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(input: LoginInput): Promise<LoginResult> {
    const username = input.username.trim().toLowerCase().slice(0, 64);
    const source = (input.ip ?? 'unknown').slice(0, 64);
    const now = this.clock.now();
    const decision = await this.attempts.reserve(username, source, now, {
      sourceLimit: this.settings.lockoutThreshold,
      accountLimit: this.settings.lockoutThreshold * ACCOUNT_LIMIT_FACTOR,
      windowMs: this.settings.lockoutMinutes * 60_000,
      maxDelayMs: MAX_SLOWDOWN_MS,
    });
    if (!decision.allowed) {
      // once per lock, not per refused request: a flood must not flood the audit log too
      if (decision.firstRefusal)
        await this.audit.record({ action: 'auth.login_source_locked', details: { username, ip: source } });
      if (decision.reason === 'source-locked')
        throw IdentityErrors.locked(Math.max(1, Math.ceil(decision.retryAfterMs / 60_000)));
      throw IdentityErrors.slowed(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    }

    const user = await this.users.findByUsername(username);
    this.dummyHash ??= this.hasher.hash('vanthu-dummy-password-1');
    const passwordOk = await this.hasher.verify(input.password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !user.active || !passwordOk) {
      await this.audit.record({
        action: 'auth.login_failed',
        agencyId: user?.agencyId ?? null,
        actor: user ? { id: user.id, name: user.username } : undefined,
        details: {
          username,
          ip: source,
          sourceAttempts: decision.source.attempts,
          accountAttempts: decision.account.attempts,
          slowed: decision.account.nextAllowedAt !== null,
        },
      });
      if (decision.account.attempts === this.settings.lockoutThreshold * ACCOUNT_LIMIT_FACTOR)
        await this.audit.record({
          action: 'auth.login_account_slowed',
          agencyId: user?.agencyId ?? null,
          details: { username, failures: decision.account.attempts },
        });
      throw IdentityErrors.invalidCredentials();
    }

    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + this.settings.sessionTtlMinutes * 60_000);
    await this.db.transaction(async () => {
      await this.attempts.succeeded(username, source);
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
