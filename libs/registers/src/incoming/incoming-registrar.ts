import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { DocumentStore, type DocumentVersionEntity, type StoredObject } from '@vanthu/documents';
import type { Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Batcher, type BatchOutcome, RequestContext, type RequestContextData } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';
import { auditActorOf } from '../entries/entry-actor';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { type NewEntry, RegisterEntryRepository } from '../entries/register-entry.repository';
import { NumberAllocator } from '../numbering/number-allocator';
import { IncomingDuplicateGuard } from './incoming-duplicate.guard';
import { type IncomingEntryView, toIncomingEntryView } from './incoming-view';
import type { IncomingVerdict } from './verification-policy';

/** A registration checked, its files verified and stored: all it lacks is its arrival number. */
export interface PendingRegistration {
  principal: Principal;
  /** The entry as it will be written, but for its register, number and duplicate pointer. */
  entry: Omit<NewEntry, 'registerId' | 'number' | 'year' | 'duplicateOf'>;
  year: number;
  confirmDuplicate: boolean;
  files: {
    fileIndex: number;
    fileName: string;
    stored: StoredObject;
    report: VerificationReport;
  }[];
  audit: { verdict: IncomingVerdict; overridden: boolean };
  /** The request it came from, for its audit event. */
  context: RequestContextData | undefined;
}

/**
 * Writes incoming registrations in batches: the registrations that arrive while a batch is being
 * written (from any agency on this node) are written together by the next one, in ONE transaction
 * with a statement per step for the whole batch (the duplicate check, the arrival numbers, the
 * entries, the file versions, the audit events) instead of per registration. Each registration
 * still gets exactly what registering it alone would give: its own arrival number, consecutive per
 * agency in order of arrival, its own duplicate verdict, its own audit event.
 *
 * A registration that resembles an earlier one of the same batch (same agency, same document) waits
 * for the next batch, so its duplicate check sees the earlier one committed. If the batch's
 * transaction fails, each of its registrations is written again alone, so one bad registration
 * fails alone and the others are not held back. Called inside a transaction, a registration is
 * written in that transaction, not batched, so it commits or rolls back with it.
 */
@Injectable()
export class IncomingRegistrar {
  private readonly batches = new Batcher<PendingRegistration, IncomingEntryView>((batch) =>
    this.writeBatch(batch),
  );

  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly numbers: NumberAllocator,
    private readonly duplicates: IncomingDuplicateGuard,
    private readonly documents: DocumentStore,
    private readonly audit: AuditLog,
  ) {}

  async register(pending: PendingRegistration): Promise<IncomingEntryView> {
    if (this.db.inTransaction) {
      // part of the caller's transaction: a batch would commit on its own, outside it
      const [outcome] = await this.writeTogether([pending]);
      if ('value' in outcome) return outcome.value;
      throw outcome.error;
    }
    return this.batches.submit(pending);
  }

  private async writeBatch(
    batch: readonly PendingRegistration[],
  ): Promise<BatchOutcome<IncomingEntryView>[]> {
    const outcomes: BatchOutcome<IncomingEntryView>[] = batch.map(() => ({ again: true }));
    const now = batch.filter((item, i) => !batch.slice(0, i).some((earlier) => resembles(earlier, item)));
    try {
      const written = await this.db.transaction(() => this.writeTogether(now));
      now.forEach((item, i) => (outcomes[batch.indexOf(item)] = written[i]));
    } catch (error) {
      if (now.length === 1) outcomes[batch.indexOf(now[0])] = { error };
      else for (const item of now) outcomes[batch.indexOf(item)] = (await this.writeBatch([item]))[0];
    }
    return outcomes;
  }

  /** One transaction for `items` (no two alike); the answer for each. */
  private async writeTogether(
    items: readonly PendingRegistration[],
  ): Promise<({ value: IncomingEntryView } | { error: unknown })[]> {
    const verdicts = await this.duplicates.checkMany(
      items.map((item) => ({ ...item.entry, confirmed: item.confirmDuplicate })),
    );
    const accepted = items.filter((_, i) => 'duplicateOf' in verdicts[i]);
    const duplicateOf = (item: PendingRegistration) =>
      (verdicts[items.indexOf(item)] as { duplicateOf: string | null }).duplicateOf;
    const numbers = await this.numbers.takeArrivals(
      accepted.map((item) => ({ agencyId: item.entry.agencyId, year: item.year })),
    );
    const entries = await this.entries.insertMany(
      accepted.map((item, i) => ({
        ...item.entry,
        registerId: numbers[i].registerId,
        number: numbers[i].number,
        year: numbers[i].year,
        duplicateOf: duplicateOf(item),
      })),
    );
    const versions = await this.documents.addFirstVersions(
      accepted.flatMap((item) =>
        item.files.map((file) => ({
          agencyId: item.entry.agencyId,
          entryId: item.entry.id,
          fileIndex: file.fileIndex,
          fileName: file.fileName,
          kind: 'received' as const,
          stored: file.stored,
          createdBy: item.principal.userId,
          verificationVerdict: file.report.verdict,
          verificationReport: file.report,
        })),
      ),
    );
    const views = new Map<PendingRegistration, IncomingEntryView>();
    for (const [i, item] of accepted.entries()) {
      const files = versions.filter((v) => v.entryId === item.entry.id);
      await this.recordAudit(item, entries[i], files);
      views.set(item, toIncomingEntryView(entries[i], files));
    }
    return items.map((item, i) => {
      const view = views.get(item);
      return view ? { value: view } : { error: (verdicts[i] as { error: unknown }).error };
    });
  }

  private recordAudit(
    item: PendingRegistration,
    entry: RegisterEntryEntity,
    files: readonly DocumentVersionEntity[],
  ): Promise<void> {
    const record = () =>
      this.audit.record({
        action: 'incoming.registered',
        agencyId: entry.agencyId,
        actor: auditActorOf(item.principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: {
          source: 'upload',
          arrivalNumber: entry.number,
          year: entry.year,
          verdict: item.audit.verdict,
          verificationOverridden: item.audit.overridden,
          duplicateOf: entry.duplicateOf,
          files: files.map((v) => ({
            fileIndex: v.fileIndex,
            sha256: v.sha256,
            verdict: v.verificationVerdict,
          })),
        },
      });
    // the event names the request that asked for it, not the one whose batch wrote it
    return item.context ? RequestContext.run(item.context, record) : record();
  }
}

/**
 * Whether `later` would be found a duplicate of `earlier` once that is registered: the rule of
 * RegisterEntryRepository.findFirstDuplicates, applied to two registrations of one batch.
 */
function resembles(earlier: PendingRegistration, later: PendingRegistration): boolean {
  const x = earlier.entry;
  const y = later.entry;
  if (x.agencyId !== y.agencyId) return false;
  if (y.documentIdentifier !== null && x.documentIdentifier === y.documentIdentifier) return true;
  if (y.codeNumber === null || x.codeNumber !== y.codeNumber || x.codeNotation !== y.codeNotation)
    return false;
  if (y.organId !== null) return x.organId === y.organId;
  return (
    x.organName !== null && y.organName !== null && x.organName.toLowerCase() === y.organName.toLowerCase()
  );
}
