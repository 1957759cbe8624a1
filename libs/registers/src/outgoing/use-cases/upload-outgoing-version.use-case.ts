import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { type DocumentVersionView, toDocumentVersionView } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { auditActorOf } from '../../entries/entry-actor';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { RegistersErrors } from '../../registers.errors';
import type { UploadedPdf } from '../outgoing-metadata';
import { OutgoingFiles } from '../outgoing-files';
import { assertOutgoing, assertOutgoingStatus, EDITABLE_STATUSES } from '../outgoing-rules';

export interface UploadOutgoingVersionInput {
  principal: Principal;
  agencyId: string;
  entryId: string;
  version: number;
  /** 0 replaces the main document; n the n-th attachment; the next free index adds an attachment. */
  fileIndex: number;
  file: UploadedPdf | undefined;
}

/** A revised PDF during review: a new version beside the earlier ones, which stay readable. */
@Injectable()
export class UploadOutgoingVersionUseCase {
  constructor(
    private readonly db: Database,
    private readonly entries: RegisterEntryRepository,
    private readonly files: OutgoingFiles,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: UploadOutgoingVersionInput): Promise<DocumentVersionView> {
    const { principal, agencyId } = input;
    authorizeAgency(principal, agencyId, ['specialist', 'leader', 'clerk']);
    if (!input.file) throw RegistersErrors.fileRequired();
    const [file] = this.files.check([input.file]);
    return this.db.transaction(async () => {
      const entry = await this.entries.lockForChange(agencyId, input.entryId, input.version);
      assertOutgoing(entry);
      assertOutgoingStatus(entry, EDITABLE_STATUSES, 'tải lên phiên bản mới');
      const existing = await this.files.latest(entry.id);
      if (input.fileIndex > existing.length) throw RegistersErrors.fileIndexInvalid(existing.length);
      const stored = await this.files.store(
        agencyId,
        entry.id,
        input.fileIndex,
        file,
        'upload',
        principal.userId,
      );
      const changes = input.fileIndex === 0 ? { pageAmount: file.pageCount } : {};
      await this.entries.save(entry, changes, this.clock.now());
      await this.audit.record({
        action: 'outgoing.version_uploaded',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { fileIndex: input.fileIndex, seq: stored.seq, sha256: stored.sha256 },
      });
      return toDocumentVersionView(stored);
    });
  }
}
