import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { CertificateRepository } from '../store/certificate.repository';
import { toCertificateView, type CertificateView } from '../store/certificate-view';

/**
 * Every certificate of the agency, newest first, with validity flags against the clock. Certificates
 * are public, so anyone with a role in the agency sees them all; keys never appear.
 */
@Injectable()
export class ListCertificatesUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: { principal: Principal; agencyId: string }): Promise<CertificateView[]> {
    authorizeAgency(input.principal, input.agencyId, []);
    const now = this.clock.now();
    return (await this.certificates.listByAgency(input.agencyId)).map((row) => toCertificateView(row, now));
  }
}
