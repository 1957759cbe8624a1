import { Injectable } from '@nestjs/common';
import { UnitRepository, UserRepository } from '@vanthu/identity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { RegistersErrors } from '../registers.errors';
import { DocumentTypeRepository } from '../types/document-type.repository';
import type { OutgoingMetadata } from './outgoing-metadata';

export interface CheckedSigner {
  signerUserId: string;
  signerName: string;
  signerPosition: string | null;
}

/** Business checks of draft metadata that a schema cannot make (they need the database). */
@Injectable()
export class OutgoingDrafting {
  constructor(
    private readonly types: DocumentTypeRepository,
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly entries: RegisterEntryRepository,
  ) {}

  async check(agencyId: string, meta: Partial<OutgoingMetadata>): Promise<Partial<CheckedSigner>> {
    if (meta.typeCode !== undefined) await this.types.get(meta.typeCode);
    if (meta.draftingUnitId) {
      if (!(await this.units.findInAgency(agencyId, meta.draftingUnitId)))
        throw RegistersErrors.unitNotFound();
    }
    if (meta.replyToEntryId) {
      const incoming = await this.entries.findInAgency(agencyId, meta.replyToEntryId);
      if (!incoming || incoming.direction !== 'incoming') throw RegistersErrors.entryNotFound();
    }
    if (meta.signerUserId === undefined) return {};
    const signer = await this.users.findInAgency(agencyId, meta.signerUserId);
    if (!signer || !signer.active) throw RegistersErrors.userNotFound();
    const roles = await this.users.rolesOf(signer.id);
    if (!roles.some((g) => g.agencyId === agencyId && g.role === 'leader'))
      throw RegistersErrors.signerNotLeader();
    return {
      signerUserId: signer.id,
      signerName: signer.fullName,
      signerPosition: meta.signerPosition ?? signer.position,
    };
  }
}
