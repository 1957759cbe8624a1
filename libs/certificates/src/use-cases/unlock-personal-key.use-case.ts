import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import {
  hasRole,
  IDENTITY_SETTINGS,
  type IdentitySettings,
  LoginThrottleRepository,
  type Principal,
} from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { loadPkcs12, type SigningIdentity } from '@vanthu/signing';
import { CertificateErrors } from '../certificates.errors';
import { auditActorOf } from '../certificate-actor';
import { EnvelopeCipher } from '../crypto/envelope-cipher';
import { assertCertificateUsable } from '../store/certificate-usability';
import { CertificateRepository } from '../store/certificate.repository';
import { sealedKeyLabel } from '../store/sealed-key-label';

export interface UnlockPersonalKeyInput {
  principal: Principal;
  certificateId: string;
  /** The P12 passphrase, given by the owner for this signing; used and forgotten. */
  passphrase: string;
}

/**
 * The owner's personal key for one signing. Anyone but the owner gets CERTIFICATE_NOT_FOUND, even
 * an admin of the agency: a personal key belongs to its person only (domain §3). A wrong passphrase
 * answers the engine's P12_PASSWORD_WRONG and is audited, so guessing shows up in the log.
 */
@Injectable()
export class UnlockPersonalKeyUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly cipher: EnvelopeCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly throttle: LoginThrottleRepository,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async execute(input: UnlockPersonalKeyInput): Promise<SigningIdentity> {
    const { principal } = input;
    const row = await this.certificates.findById(input.certificateId);
    if (!row) throw CertificateErrors.notFound();
    if (row.kind === 'organisation') {
      if (hasRole(principal, row.agencyId)) throw CertificateErrors.wrongKind('personal');
      throw CertificateErrors.notFound();
    }
    if (row.ownerUserId !== principal.userId) throw CertificateErrors.notFound();
    const now = this.clock.now();
    assertCertificateUsable(row, 'personal', now);
    // guessing a passphrase is throttled like a login, per certificate
    const throttleKey = `p12:${row.id}`;
    const state = await this.throttle.get(throttleKey);
    if (state.lockedUntil && state.lockedUntil > now)
      throw CertificateErrors.unlockLocked(minutesLeft(state.lockedUntil, now));
    const sealed = await this.certificates.findSealedKey(row.id);
    if (!sealed) throw CertificateErrors.revoked();
    const p12 = this.cipher.open(sealed, sealedKeyLabel(row));
    try {
      const identity = loadPkcs12(p12, input.passphrase);
      if (!identity.certificate.equals(row.certificateDer)) throw CertificateErrors.sealedKeyInvalid();
      if (state.failures > 0) await this.throttle.reset(throttleKey);
      return identity;
    } catch (error) {
      if (isAppException(error) && error.code === 'P12_PASSWORD_WRONG') {
        const lockUntil = new Date(now.getTime() + this.settings.lockoutMinutes * 60_000);
        const after = await this.db.transaction(async () => {
          const s = await this.throttle.recordFailure(
            throttleKey,
            this.settings.lockoutThreshold,
            now,
            lockUntil,
          );
          await this.audit.record({
            action: 'certificate.unlock_failed',
            agencyId: row.agencyId,
            actor: auditActorOf(principal),
            subjectType: 'certificate',
            subjectId: row.id,
            details: { reason: 'P12_PASSWORD_WRONG', failures: s.failures, locked: s.lockedUntil !== null },
          });
          return s;
        });
        if (after.lockedUntil) throw CertificateErrors.unlockLocked(minutesLeft(after.lockedUntil, now));
      }
      throw error;
    } finally {
      p12.fill(0);
    }
  }
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
