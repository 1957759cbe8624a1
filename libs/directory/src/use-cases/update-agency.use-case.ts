import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { type Agency, type AgencyRecord } from '../agency';
import { normalizeAgencyCode } from '../agency-code';
import { type AgencyChangesInput, agencyChangesSchema, parseWithIssues } from '../agency-fields.schema';
import { type AgencyRowChanges, AgencyRepository } from '../agency.repository';
import type { DirectoryActor } from '../directory-actor';
import { DirectoryAuthorization } from '../directory-authorization';
import { DirectoryErrors } from '../directory.errors';
import { followSuccessors } from '../successor-chain';

export interface UpdateAgencyInput {
  actor: DirectoryActor;
  code: string;
  /** The version the editor last read; a later change by someone else makes this a conflict. */
  expectedVersion: number;
  changes: AgencyChangesInput;
}

type EditableField = Exclude<keyof AgencyRecord, 'code' | 'isDemo'>;
const PLAIN_FIELDS = [
  'name',
  'shortName',
  'abbreviation',
  'levelLabel',
  'hosted',
  'address',
  'email',
  'phone',
  'website',
] as const satisfies readonly EditableField[];

@Injectable()
export class UpdateAgencyUseCase {
  constructor(
    private readonly db: Database,
    private readonly agencies: AgencyRepository,
    private readonly authorization: DirectoryAuthorization,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: UpdateAgencyInput): Promise<Agency> {
    const parsed = parseWithIssues(agencyChangesSchema, input.changes);
    if (!parsed.ok) throw DirectoryErrors.invalid(parsed.issues);
    const changes = parsed.value;
    const code = normalizeAgencyCode(input.code);
    const parentCode = changes.parentCode
      ? normalizeAgencyCode(changes.parentCode, 'parentCode')
      : changes.parentCode;
    const successorCode = changes.successorCode
      ? normalizeAgencyCode(changes.successorCode, 'successorCode')
      : changes.successorCode;

    return this.db.transaction(async () => {
      await this.agencies.lockForWrite();
      const maintainer = await this.authorization.assertCanMaintain(input.actor);
      const agency = await this.agencies.findByCode(code);
      if (!agency) throw DirectoryErrors.notFound(code);
      if (agency.version !== input.expectedVersion) {
        throw DirectoryErrors.versionConflict(code, input.expectedVersion, agency.version);
      }

      const row: AgencyRowChanges = {};
      const diff: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of PLAIN_FIELDS) {
        const value = changes[field];
        if (value === undefined || value === agency[field]) continue;
        Object.assign(row, { [field]: value });
        diff[field] = { from: agency[field], to: value };
      }
      if (parentCode !== undefined && parentCode !== agency.parentCode) {
        row.parentId = parentCode === null ? null : await this.checkedParentId(agency, parentCode);
        diff.parentCode = { from: agency.parentCode, to: parentCode };
      }
      if (successorCode !== undefined && successorCode !== agency.successorCode) {
        if (successorCode !== null) await this.checkSuccessor(agency, successorCode);
        row.successorCode = successorCode;
        diff.successorCode = { from: agency.successorCode, to: successorCode };
      }
      if (Object.keys(diff).length === 0) return agency;

      const applied = await this.agencies.updateIfVersion(agency.id, agency.version, row, this.clock.now());
      if (!applied) throw DirectoryErrors.versionConflict(code, input.expectedVersion, agency.version + 1);
      const updated = (await this.agencies.findById(agency.id)) as Agency;
      await this.audit.record({
        action: 'agency.updated',
        agencyId: maintainer.agencyId,
        actor: maintainer.auditActor,
        subjectType: 'agency',
        subjectId: agency.id,
        details: { code, changes: diff, version: updated.version },
      });
      return updated;
    });
  }

  /** The new parent must exist and must not be the agency or one of its descendants. */
  private async checkedParentId(agency: Agency, parentCode: string): Promise<string> {
    if (parentCode === agency.code) throw DirectoryErrors.cycle(agency.code, parentCode);
    const parent = await this.agencies.findByCode(parentCode);
    if (!parent) throw DirectoryErrors.parentNotFound(parentCode);
    const aboveParent = await this.agencies.findAncestorIds(parent.id);
    if (aboveParent.includes(agency.id)) throw DirectoryErrors.cycle(agency.code, parentCode);
    return parent.id;
  }

  /** The successor must exist, and following successors from it must not lead back here. */
  private async checkSuccessor(agency: Agency, successorCode: string): Promise<void> {
    if (successorCode === agency.code) throw DirectoryErrors.successorCycle([agency.code, agency.code]);
    const successor = await this.agencies.findByCode(successorCode);
    if (!successor) throw DirectoryErrors.successorNotFound(successorCode);
    const { chain } = await followSuccessors(successor, (c) => this.agencies.findByCode(c));
    if (chain.includes(agency.code)) throw DirectoryErrors.successorCycle([agency.code, ...chain]);
  }
}
