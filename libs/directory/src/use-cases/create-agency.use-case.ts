import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { type Agency, toAgencyRecord } from '../agency';
import { normalizeAgencyCode } from '../agency-code';
import { type AgencyRecordInput, agencyRecordSchema, parseWithIssues } from '../agency-fields.schema';
import { AgencyRepository } from '../agency.repository';
import type { DirectoryActor } from '../directory-actor';
import { DirectoryAuthorization } from '../directory-authorization';
import { DirectoryErrors } from '../directory.errors';
import { followSuccessors } from '../successor-chain';

export interface CreateAgencyInput {
  actor: DirectoryActor;
  agency: AgencyRecordInput;
}

@Injectable()
export class CreateAgencyUseCase {
  constructor(
    private readonly db: Database,
    private readonly agencies: AgencyRepository,
    private readonly authorization: DirectoryAuthorization,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateAgencyInput): Promise<Agency> {
    const parsed = parseWithIssues(agencyRecordSchema, input.agency);
    if (!parsed.ok) throw DirectoryErrors.invalid(parsed.issues);
    const fields = parsed.value;
    const code = normalizeAgencyCode(fields.code);
    const parentCode = fields.parentCode ? normalizeAgencyCode(fields.parentCode, 'parentCode') : null;
    const successorCode = fields.successorCode
      ? normalizeAgencyCode(fields.successorCode, 'successorCode')
      : null;

    return this.db.transaction(async () => {
      await this.agencies.lockForWrite();
      const maintainer = await this.authorization.assertCanMaintain(input.actor);
      if (await this.agencies.findByCode(code)) throw DirectoryErrors.codeTaken(code);

      let parentId: string | null = null;
      if (parentCode) {
        if (parentCode === code) throw DirectoryErrors.cycle(code, parentCode);
        const parent = await this.agencies.findByCode(parentCode);
        if (!parent) throw DirectoryErrors.parentNotFound(parentCode);
        parentId = parent.id;
      }
      if (successorCode) {
        if (successorCode === code) throw DirectoryErrors.successorCycle([code, code]);
        const successor = await this.agencies.findByCode(successorCode);
        if (!successor) throw DirectoryErrors.successorNotFound(successorCode);
        // Nothing can point at a code that does not exist yet, so this only guards corrupt data.
        await followSuccessors(successor, (c) => this.agencies.findByCode(c));
      }

      const id = newId();
      await this.agencies.insertMany(
        [
          {
            id,
            code,
            name: fields.name,
            shortName: fields.shortName ?? null,
            abbreviation: fields.abbreviation ?? null,
            parentId,
            levelLabel: fields.levelLabel,
            successorCode,
            hosted: fields.hosted,
            isDemo: fields.isDemo,
            address: fields.address ?? null,
            email: fields.email ?? null,
            phone: fields.phone ?? null,
            website: fields.website ?? null,
          },
        ],
        this.clock.now(),
      );
      const created = (await this.agencies.findById(id)) as Agency;
      await this.audit.record({
        action: 'agency.created',
        agencyId: maintainer.agencyId,
        actor: maintainer.auditActor,
        subjectType: 'agency',
        subjectId: id,
        details: { ...toAgencyRecord(created) },
      });
      return created;
    });
  }
}
