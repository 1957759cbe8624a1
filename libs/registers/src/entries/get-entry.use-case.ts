import { Injectable } from '@nestjs/common';
import { DocumentStore, type DocumentVersionView, toDocumentVersionView } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import type { VerificationReport } from '@vanthu/signing';
import { type AssignmentView, toAssignmentView } from '../assignments/assignment-view';
import { type CopyView, toCopyView } from '../copies/copy-view';
import { DocumentCopyRepository } from '../copies/document-copy.repository';
import type { DeliveryEntity } from '../deliveries/delivery.entity';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import type { EntryRecipientEntity } from '../deliveries/entry-recipient.entity';
import { RegistersErrors } from '../registers.errors';
import { EntryDetailsRepository } from './entry-details.repository';
import type { EntryNoteEntity } from './entry-note.entity';
import { EntryNoteRepository } from './entry-note.repository';
import { type EntryView, toEntryView } from './entry-view';
import { RegisterEntryRepository } from './register-entry.repository';

export interface DeliveryView {
  id: string;
  channel: DeliveryEntity['channel'];
  business: DeliveryEntity['business'];
  organId: string | null;
  organName: string;
  state: DeliveryEntity['state'];
  statusCode: string | null;
  statusDescription: string | null;
  statusAt: string | null;
  statuses: { code: string; description: string | null; at: string }[];
}

export interface NoteView {
  id: string;
  /** null: written by the sender's system on another node */
  authorId: string | null;
  kind: EntryNoteEntity['kind'];
  body: string;
  createdAt: string;
}

export interface EntryDetails extends EntryView {
  /** The newest version of each file (main document first). */
  files: DocumentVersionView[];
  versions: DocumentVersionView[];
  /** The stored verification report of each received file, by version id. */
  verificationReports: Record<string, VerificationReport>;
  notes: NoteView[];
  assignments: AssignmentView[];
  recipients: Omit<EntryRecipientEntity, 'entryId'>[];
  deliveries: DeliveryView[];
  /** Outgoing: the answers received to it (incoming entries whose ResponseFor is this document). */
  replies: Pick<EntryView, 'id' | 'status' | 'numberNotation' | 'organName' | 'subject' | 'arrivalAt'>[];
  /** The electronic copies the agency made of it (sao y, sao lục, trích sao), in number order. */
  copies: CopyView[];
}

/** One entry with everything shown beside it. Any role in the agency may read its entries. */
@Injectable()
export class GetEntryUseCase {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly documents: DocumentStore,
    private readonly notes: EntryNoteRepository,
    private readonly details: EntryDetailsRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly copies: DocumentCopyRepository,
  ) {}

  async execute(input: { principal: Principal; agencyId: string; entryId: string }): Promise<EntryDetails> {
    authorizeAgency(input.principal, input.agencyId, []);
    const entry = await this.entries.findInAgency(input.agencyId, input.entryId);
    if (!entry) throw RegistersErrors.entryNotFound();
    const versions = await this.documents.list(entry.id);
    const latest = new Map(versions.map((v) => [v.fileIndex, v]));
    const deliveries = await this.deliveries.listByEntry(entry.id);
    const statuses = await this.deliveries.listStatuses(deliveries.map((d) => d.id));
    return {
      ...toEntryView(entry),
      files: [...latest.values()].map(toDocumentVersionView),
      versions: versions.map(toDocumentVersionView),
      verificationReports: Object.fromEntries(
        versions
          .filter((v) => v.verificationReport)
          .map((v) => [v.id, v.verificationReport as VerificationReport]),
      ),
      notes: (await this.notes.listByEntry(entry.id)).map((n) => ({
        id: n.id,
        authorId: n.authorId,
        kind: n.kind,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
      })),
      assignments: (await this.details.assignments(entry.id)).map(toAssignmentView),
      recipients: (await this.deliveries.listRecipients(entry.id)).map(({ entryId: _, ...r }) => r),
      replies: (await this.details.replies(entry.agencyId, entry.id)).map((r) => {
        const v = toEntryView(r);
        return {
          id: v.id,
          status: v.status,
          numberNotation: v.numberNotation,
          organName: v.organName,
          subject: v.subject,
          arrivalAt: v.arrivalAt,
        };
      }),
      deliveries: deliveries.map((d) => ({
        id: d.id,
        channel: d.channel,
        business: d.business,
        organId: d.organId,
        organName: d.organName,
        state: d.state,
        statusCode: d.statusCode,
        statusDescription: d.statusDescription,
        statusAt: d.statusAt?.toISOString() ?? null,
        statuses: statuses
          .filter((s) => s.deliveryId === d.id)
          .map((s) => ({ code: s.code, description: s.description, at: s.at.toISOString() })),
      })),
      copies: (await this.copies.listBySource(entry.agencyId, entry.id)).map(toCopyView),
    };
  }
}
