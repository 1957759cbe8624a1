import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@vanthu/audit';
import { AgencyRepository } from './agency.repository';
import { type DirectoryActor, SystemDirectoryActor } from './directory-actor';
import { DirectoryErrors } from './directory.errors';

export interface DirectoryMaintainer {
  auditActor: AuditActor;
  /** The hosted root on whose behalf the change is made (null for the system). */
  agencyId: string | null;
}

/**
 * The directory is shared by every agency of the node, so only the node's administrators maintain
 * it: users holding `admin` in a hosted root (a hosted agency whose parent is not hosted — the
 * district in the demo). A commune's administrator runs the commune, not the node.
 */
@Injectable()
export class DirectoryAuthorization {
  constructor(private readonly agencies: AgencyRepository) {}

  async assertCanMaintain(actor: DirectoryActor): Promise<DirectoryMaintainer> {
    if (actor instanceof SystemDirectoryActor)
      return { auditActor: { id: null, name: actor.name }, agencyId: null };
    const admin = new Set(actor.adminAgencyIds);
    const root = (await this.agencies.hostedRoots()).find((a) => admin.has(a.id));
    if (!root) throw DirectoryErrors.forbidden();
    return { auditActor: { id: actor.userId, name: actor.name }, agencyId: root.id };
  }
}
