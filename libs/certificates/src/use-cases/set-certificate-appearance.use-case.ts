import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { type CertificateActor, auditActorOf, SystemCertificateActor } from '../certificate-actor';
import { CertificateErrors } from '../certificates.errors';
import { assertCanManage } from '../store/certificate-management';
import { CertificateRepository } from '../store/certificate.repository';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_APPEARANCE_BYTES = 2 * 1024 * 1024;

export interface SetCertificateAppearanceInput {
  actor: CertificateActor;
  agencyId: string;
  certificateId: string;
  png: Buffer;
}

/**
 * The image a certificate signs with: the leader's blue signature (personal) or the red seal
 * (organisation), drawn by the signing engine at its true size.
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
    if (input.png.length > MAX_APPEARANCE_BYTES || !input.png.subarray(0, 8).equals(PNG_SIGNATURE))
      throw CertificateErrors.appearanceInvalid();
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
        details: { kind: row.kind, bytes: input.png.length },
      });
    });
  }
}
