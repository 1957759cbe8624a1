import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import { CertificateRepository, type LevelCount } from '../store/certificate.repository';

/**
 * The figures agencies report ("certificates issued to 35 organisations and 120 individuals:
 * district 23 + 56, communes 12 + 64"): holders of active certificates valid today in the agency
 * and the agencies below it that this node hosts, per level label. For its admins and leaders.
 */
@Injectable()
export class CountCertificatesByLevelUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: { principal: Principal; agencyId: string }): Promise<LevelCount[]> {
    authorizeAgency(input.principal, input.agencyId, ['admin', 'leader']);
    return this.certificates.countHoldersByLevel(input.agencyId, this.clock.now());
  }
}
