import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { hasRole, type Principal } from '@vanthu/identity';
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
      const identity = loadPkcs12(p12, input.passphrase);
      if (!identity.certificate.equals(row.certificateDer)) throw CertificateErrors.sealedKeyInvalid();
      return identity;
    } catch (error) {
      if (isAppException(error) && error.code === 'P12_PASSWORD_WRONG') {
        await this.audit.record({
          action: 'certificate.unlock_failed',
          agencyId: row.agencyId,
          actor: auditActorOf(principal),
          subjectType: 'certificate',
          subjectId: row.id,
          details: { reason: 'P12_PASSWORD_WRONG' },
        });
      }
      throw error;
    } finally {
      p12.fill(0);
    }
  }
}
