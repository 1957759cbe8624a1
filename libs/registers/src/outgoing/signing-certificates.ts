import { Injectable } from '@nestjs/common';
import { ListCertificatesUseCase } from '@vanthu/certificates';
import type { Principal } from '@vanthu/identity';
import { RegistersErrors } from '../registers.errors';

/** Picks the signer's own personal certificate when the request names none. */
@Injectable()
export class SigningCertificates {
  constructor(private readonly certificates: ListCertificatesUseCase) {}

  async personalOf(principal: Principal, agencyId: string, certificateId?: string): Promise<string> {
    if (certificateId) return certificateId;
    const mine = (await this.certificates.execute({ principal, agencyId })).filter(
      (c) => c.kind === 'personal' && c.ownerUserId === principal.userId && c.status === 'active',
    );
    const usable = mine.find((c) => !c.expired && !c.notYetValid) ?? mine[0];
    if (!usable) throw RegistersErrors.noPersonalCertificate();
    return usable.id;
  }

  /** The agency's active organisation certificate valid now that expires last (the seal). */
  async organisationOf(principal: Principal, agencyId: string): Promise<string | undefined> {
    const active = (await this.certificates.execute({ principal, agencyId }))
      .filter((c) => c.kind === 'organisation' && c.status === 'active')
      .sort((a, b) => b.notAfter.localeCompare(a.notAfter));
    return (active.find((c) => !c.expired && !c.notYetValid) ?? active[0])?.id;
  }
}
