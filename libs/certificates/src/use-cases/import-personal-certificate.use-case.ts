import { Injectable } from '@nestjs/common';
import { UserRepository } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { CertificateErrors } from '../certificates.errors';
import { authorizeActor, type CertificateActor, SystemCertificateActor } from '../certificate-actor';
import { CertificateImporter } from '../store/certificate-importer';
import { toCertificateView, type CertificateView } from '../store/certificate-view';

export interface ImportPersonalCertificateInput {
  actor: CertificateActor;
  agencyId: string;
  /** The person it belongs to; the caller themself when absent (required for the system). */
  userId?: string;
  p12: Buffer;
  /** Opens the file once to check it; never stored: the owner gives it again at each signing. */
  passphrase: string;
}

/** A person loads their own certificate, or an admin of their agency loads it for them. */
@Injectable()
export class ImportPersonalCertificateUseCase {
  constructor(
    private readonly db: Database,
    private readonly users: UserRepository,
    private readonly importer: CertificateImporter,
    private readonly clock: Clock,
  ) {}

  async execute(input: ImportPersonalCertificateInput): Promise<CertificateView> {
    const { actor, agencyId } = input;
    const self = actor instanceof SystemCertificateActor ? undefined : actor.userId;
    const ownerUserId = input.userId ?? self;
    if (!ownerUserId) throw CertificateErrors.userNotFound();
    authorizeActor(actor, agencyId, ownerUserId === self ? [] : ['admin']);
    if (ownerUserId !== self && !(await this.belongsToAgency(ownerUserId, agencyId)))
      throw CertificateErrors.userNotFound();
    const opened = this.importer.open(input.p12, input.passphrase);
    const row = await this.db.transaction(() =>
      this.importer.store(opened, { agencyId, kind: 'personal', ownerUserId }, actor),
    );
    return toCertificateView(row, this.clock.now());
  }

  /** Works there: the account's home agency, or a role in it. */
  private async belongsToAgency(userId: string, agencyId: string): Promise<boolean> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) return false;
    if (user.agencyId === agencyId) return true;
    return (await this.users.rolesOf(userId)).some((grant) => grant.agencyId === agencyId);
  }
}
