import { createPrivateKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import type { SigningIdentity } from '@vanthu/signing';
import { CertificateErrors } from '../certificates.errors';
import { EnvelopeCipher } from '../crypto/envelope-cipher';
import type { CertificateEntity } from '../store/certificate.entity';
import { assertCertificateUsable } from '../store/certificate-usability';
import { CertificateRepository } from '../store/certificate.repository';
import { sealedKeyLabel } from '../store/sealed-key-label';

export interface UnlockOrganisationKeyInput {
  principal: Principal;
  agencyId: string;
  /** A specific certificate; by default the agency's active one valid now that expires last. */
  certificateId?: string;
}

/**
 * The organisation's key, ready to apply the seal, for a clerk of the agency only (admins and
 * leaders manage or sign with their own keys, they do not seal). The identity lives in memory for
 * the signing at hand; nothing of it is returned over HTTP or logged.
 */
@Injectable()
export class UnlockOrganisationKeyUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly cipher: EnvelopeCipher,
    private readonly clock: Clock,
  ) {}

  async execute(input: UnlockOrganisationKeyInput): Promise<SigningIdentity> {
    authorizeAgency(input.principal, input.agencyId, ['clerk']);
    const now = this.clock.now();
    const row = await this.choose(input, now);
    assertCertificateUsable(row, 'organisation', now);
    const sealed = await this.certificates.findSealedKey(row.id);
    if (!sealed) throw CertificateErrors.revoked();
    const pkcs8 = this.cipher.open(sealed, sealedKeyLabel(row));
    try {
      const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
      return { privateKey, certificate: row.certificateDer, chain: row.chainDer };
    } finally {
      pkcs8.fill(0);
    }
  }

  private async choose(input: UnlockOrganisationKeyInput, now: Date): Promise<CertificateEntity> {
    if (input.certificateId) {
      const row = await this.certificates.findInAgency(input.agencyId, input.certificateId);
      if (!row) throw CertificateErrors.notFound();
      return row;
    }
    const active = await this.certificates.listActiveOrganisation(input.agencyId);
    if (active.length === 0) throw CertificateErrors.noUsableOrganisationCertificate();
    const t = now.getTime();
    // none valid now: the first one then raises the precise CERT_EXPIRED / CERT_NOT_YET_VALID
    return active.find((c) => c.notBefore.getTime() <= t && t <= c.notAfter.getTime()) ?? active[0];
  }
}
