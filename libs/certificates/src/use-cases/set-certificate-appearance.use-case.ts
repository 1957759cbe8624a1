import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { isAppException } from '@vanthu/shared';
import { checkAppearanceImage } from '@vanthu/signing';
import { type CertificateActor, auditActorOf, SystemCertificateActor } from '../certificate-actor';
import { CertificateErrors } from '../certificates.errors';
import { assertCanManage } from '../store/certificate-management';
import { CertificateRepository } from '../store/certificate.repository';

export interface SetCertificateAppearanceInput {
  actor: CertificateActor;
  agencyId: string;
  certificateId: string;
  png: Buffer;
}

/** The image's size, when it is one signing can use; the engine's own check (one rule, both places). */
function checkImage(png: Buffer): { width: number; height: number } {
  try {
    return checkAppearanceImage(png);
  } catch (error) {
    if (isAppException(error) && error.code === 'IMAGE_TOO_LARGE') {
      const { width, height } = (error.details ?? {}) as { width: number; height: number };
      throw CertificateErrors.appearanceTooLarge({ width, height, bytes: png.length });
    }
    throw CertificateErrors.appearanceInvalid();
  }
}

/**
 * The image a certificate signs with: the leader's blue signature (personal) or the red seal
 * (organisation), drawn by the signing engine at its true size. Refused unless it is a PNG within
 * the engine's limits (APPEARANCE_IMAGE_LIMITS) that decodes, so that signing never meets one it
 * cannot use.
 */
@Injectable()
export class SetCertificateAppearanceUseCase {
  constructor(
    private readonly db: Database,
    private readonly certificates: CertificateRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: SetCertificateAppearanceInput): Promise<void> {
    const { actor } = input;
    if (!(actor instanceof SystemCertificateActor)) authorizeAgency(actor, input.agencyId, []);
    const { width, height } = checkImage(input.png);
    await this.db.transaction(async () => {
      const row = await this.certificates.lockInAgency(input.agencyId, input.certificateId);
      if (!row) throw CertificateErrors.notFound();
      if (!(actor instanceof SystemCertificateActor)) assertCanManage(actor, row);
      await this.certificates.setAppearance(row.id, input.png);
      await this.audit.record({
        action: 'certificate.appearance_set',
        agencyId: row.agencyId,
        actor: auditActorOf(actor),
        subjectType: 'certificate',
        subjectId: row.id,
        details: { kind: row.kind, bytes: input.png.length, width, height },
      });
    });
  }
}
