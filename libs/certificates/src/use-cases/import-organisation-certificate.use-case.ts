import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { authorizeActor, type CertificateActor } from '../certificate-actor';
import { CertificateImporter } from '../store/certificate-importer';
import { toCertificateView, type CertificateView } from '../store/certificate-view';

export interface ImportOrganisationCertificateInput {
  actor: CertificateActor;
  agencyId: string;
  p12: Buffer;
  /** Used once to open the file; never stored. */
  passphrase: string;
}

/** An admin or clerk of the agency loads the agency's seal certificate (see CertificateImporter). */
@Injectable()
export class ImportOrganisationCertificateUseCase {
  constructor(
    private readonly db: Database,
    private readonly importer: CertificateImporter,
    private readonly clock: Clock,
  ) {}

  async execute(input: ImportOrganisationCertificateInput): Promise<CertificateView> {
    authorizeActor(input.actor, input.agencyId, ['admin', 'clerk']);
    const opened = this.importer.open(input.p12, input.passphrase);
    const row = await this.db.transaction(() =>
      this.importer.store(
        opened,
        { agencyId: input.agencyId, kind: 'organisation', ownerUserId: null },
        input.actor,
      ),
    );
    return toCertificateView(row, this.clock.now());
  }
}
