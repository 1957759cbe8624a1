import { Injectable } from '@nestjs/common';
import { CertificateErrors } from '../certificates.errors';
import { CertificateRepository } from '../store/certificate.repository';

/**
 * The signing image of a certificate, for the workflow that signs with it (the caller has already
 * unlocked the key, so it is authorised). APPEARANCE_IMAGE_MISSING when none was uploaded: ND30
 * visible signatures need it.
 */
@Injectable()
export class FindCertificateAppearanceUseCase {
  constructor(private readonly certificates: CertificateRepository) {}

  async execute(input: { certificateId: string; kind: 'organisation' | 'personal' }): Promise<Buffer> {
    const png = await this.certificates.findAppearance(input.certificateId);
    if (!png) throw CertificateErrors.appearanceMissing(input.kind);
    return png;
  }
}
