import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { hasRole, IDENTITY_SETTINGS, type IdentitySettings, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { loadPkcs12, type SigningIdentity } from '@vanthu/signing';
import { CertificateErrors } from '../certificates.errors';
import { auditActorOf } from '../certificate-actor';
import { EnvelopeCipher } from '../crypto/envelope-cipher';
import { assertCertificateUsable } from '../store/certificate-usability';
import type { CertificateEntity } from '../store/certificate.entity';
import { CertificateRepository } from '../store/certificate.repository';
import { sealedKeyLabel } from '../store/sealed-key-label';
import {
  type UnlockLimits,
  type UnlockTry,
  UnlockThrottleRepository,
} from '../store/unlock-throttle.repository';

export interface UnlockPersonalKeyInput {
  principal: Principal;
  certificateId: string;
  /** The P12 passphrase, given by the owner for this signing; used and forgotten. */
  passphrase: string;
}

/**
 * The owner's personal key for one signing. Anyone but the owner gets CERTIFICATE_NOT_FOUND, even
 * an admin of the agency: a personal key belongs to its person only (domain §3). A wrong passphrase
 * answers the engine's P12_PASSWORD_WRONG and is audited, so guessing shows up in the log; at most
 * `lockoutThreshold` passphrases are tried per lock period of a certificate, however many requests
 * arrive at once (UnlockThrottleRepository), and the others answer P12_LOCKED untried.
 */
@Injectable()
export class UnlockPersonalKeyUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly cipher: EnvelopeCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly db: Database,
    private readonly throttle: UnlockThrottleRepository,
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
    const sealed = await this.certificates.findSealedKey(row.id);
    if (!sealed) throw CertificateErrors.revoked();
    const p12 = this.cipher.open(sealed, sealedKeyLabel(row));
    try {
      // the try is counted before the passphrase is tried, so parallel guesses cannot outrun the lock
      const limits = {
        threshold: this.settings.lockoutThreshold,
        lockoutMs: this.settings.lockoutMinutes * 60_000,
      };
      const reservation = await this.throttle.reserve(row.id, now, limits);
      if (!('granted' in reservation))
        throw CertificateErrors.unlockLocked(minutesLeft(reservation.lockedUntil, now));
      return await this.tryPassphrase(input, row, p12, reservation.granted, now, limits);
    } finally {
      p12.fill(0);
    }
  }

  private async tryPassphrase(
    input: UnlockPersonalKeyInput,
    row: CertificateEntity,
    p12: Buffer,
    reserved: UnlockTry,
    now: Date,
    limits: UnlockLimits,
  ): Promise<SigningIdentity> {
    let identity: SigningIdentity;
    try {
      identity = loadPkcs12(p12, input.passphrase);
    } catch (error) {
      if (!isAppException(error) || error.code !== 'P12_PASSWORD_WRONG') {
        await this.throttle.release(reserved, now);
        throw error;
      }
      const { lockedUntil } = await this.db.transaction(async () => {
        const after = await this.throttle.fail(reserved, now);
        await this.audit.record({
          action: 'certificate.unlock_failed',
          agencyId: row.agencyId,
          actor: auditActorOf(input.principal),
          subjectType: 'certificate',
          subjectId: row.id,
          details: {
            reason: 'P12_PASSWORD_WRONG',
            attempt: reserved.attempt,
            locked: after.lockedUntil !== null,
          },
        });
        return after;
      });
      if (lockedUntil && lockedUntil > now)
        throw CertificateErrors.unlockLocked(minutesLeft(lockedUntil, now));
      throw error;
    }
    if (!identity.certificate.equals(row.certificateDer)) {
      await this.throttle.release(reserved, now);
      throw CertificateErrors.sealedKeyInvalid();
    }
    await this.db.transaction(async () => {
      await this.throttle.succeed(reserved, now, limits);
      // every passphrase tried leaves a trace, the right ones too
      await this.audit.record({
        action: 'certificate.unlocked',
        agencyId: row.agencyId,
        actor: auditActorOf(input.principal),
        subjectType: 'certificate',
        subjectId: row.id,
        details: { attempt: reserved.attempt },
      });
    });
    return identity;
  }
}

function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
