import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { AgencyRepository } from '../agency.repository';
import type { DirectoryActor } from '../directory-actor';
import { DirectoryAuthorization } from '../directory-authorization';
import { DirectoryErrors } from '../directory.errors';
import { parseAgencyCsv } from '../import-export/agency-csv';
import { parseAgencyJson } from '../import-export/agency-json';
import { planImport } from '../import-export/import-plan';

export type DirectoryFileFormat = 'json' | 'csv';

export interface ImportAgenciesInput {
  actor: DirectoryActor;
  format: DirectoryFileFormat;
  /** A JSON array of agency records, or CSV text with a header row (the export's format). */
  content: string;
}

export interface ImportAgenciesResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts agencies by code from a file, all or nothing: every row is checked first (against the
 * file and the directory) and every problem is reported with its row number; with any problem,
 * nothing is written. Rows are complete records: a blank optional field clears the stored value.
 */
@Injectable()
export class ImportAgenciesUseCase {
  constructor(
    private readonly db: Database,
    private readonly agencies: AgencyRepository,
    private readonly authorization: DirectoryAuthorization,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: ImportAgenciesInput): Promise<ImportAgenciesResult> {
    return this.db.transaction(async () => {
      // Under the lock, the directory cannot change between the checks and the writes.
      await this.agencies.lockForWrite();
      const maintainer = await this.authorization.assertCanMaintain(input.actor);
      const parsed = input.format === 'csv' ? parseAgencyCsv(input.content) : parseAgencyJson(input.content);
      if (parsed.rows.length === 0) throw DirectoryErrors.importInvalid(parsed.problems);

      const links = await this.agencies.listLinks();
      const present = new Set(links.map((l) => l.code));
      const codes = parsed.rows
        .map((r) => (r.value as { code?: unknown } | null)?.code)
        .filter((c): c is string => typeof c === 'string')
        .map((c) => c.trim().toUpperCase())
        .filter((c) => present.has(c));
      const existing = new Map((await this.agencies.findByCodes(codes)).map((a) => [a.code, a]));

      const result = planImport(parsed.rows, existing, links);
      const problems = [...parsed.problems, ...(result.ok ? [] : result.problems)];
      if (!result.ok || problems.length > 0) {
        throw DirectoryErrors.importInvalid(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
      }

      const { plan } = result;
      const now = this.clock.now();
      await this.agencies.insertMany(plan.creates, now);
      for (const update of plan.updates) {
        const applied = await this.agencies.updateIfVersion(update.id, update.version, update.changes, now);
        if (!applied) throw DirectoryErrors.versionConflict(update.code, update.version, update.version + 1);
      }
      const counts = {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
      };
      await this.audit.record({
        action: 'directory.imported',
        agencyId: maintainer.agencyId,
        actor: maintainer.auditActor,
        subjectType: 'directory',
        details: { format: input.format, rows: parsed.rows.length, ...counts },
      });
      return counts;
    });
  }
}
