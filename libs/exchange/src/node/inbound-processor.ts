import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import type { ParsedEdocPackage, ParsedPackage, ParsedStatusPackage } from '@vanthu/edxml';
import { Clock, isAppException } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';
import { exchangeError } from '../exchange.errors';
import type { ExchangeInboundEntity } from '../inbound/exchange-inbound.entity';
import { ExchangeInboundRepository } from '../inbound/exchange-inbound.repository';
import { RouteResolver } from '../routing/route-resolver';
import { sameAgency } from '../routing/same-agency';
import { ExchangeInboxPort } from './exchange-inbox.port';
import { receivedDocumentFields } from './received-document.mapper';
import { arrangeReceivedFiles, type ReceivedFile } from './received-files';
import { StatusSender } from './status-sender';
import { StatusTargetFinder } from './status-target.finder';

export type Processed = 'processed' | 'held' | 'rejected';

/** edXML status 13: the sender asks to take its document back. */
export const TAKE_BACK = '13';

/** A file of a received document with the verification of a PDF (`report: null` for the others). */
interface VerifiedFile extends Omit<ReceivedFile, 'pdf'> {
  readonly report: VerificationReport | null;
}

/**
 * A package read and checked before its transaction: a new document's PDFs are verified here, so
 * the transaction that writes the inbox entry holds its locks for database work only.
 */
export type PreparedPackage =
  | { readonly kind: 'status'; readonly pkg: ParsedStatusPackage }
  | {
      readonly kind: 'edoc';
      readonly pkg: ParsedEdocPackage;
      readonly files: readonly VerifiedFile[] | null;
    };

/**
 * What a received package does on this node: `prepare` reads it (outside any transaction), then
 * `apply` runs in one transaction per package: a new document
 * becomes an inbox entry (every PDF verified by the signing engine) and status 01 goes back; a
 * corrupt or tampered document is refused with status 02 and the reason; revoke, update and
 * replace, and a status 13 from another system, reach the entry they are about (or wait, held,
 * until it arrives) and status 15/16 goes back; another status moves the delivery it answers
 * forward.
 */
@Injectable()
export class InboundProcessor {
  constructor(
    private readonly inbound: ExchangeInboundRepository,
    private readonly inbox: ExchangeInboxPort,
    private readonly verify: VerifyDocumentUseCase,
    private readonly statuses: StatusSender,
    private readonly targets: StatusTargetFinder,
    private readonly routes: RouteResolver,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The CPU work of a package, before its transaction; a refusal throws (EXCHANGE_* codes). */
  async prepare(row: ExchangeInboundEntity, parsed: ParsedPackage): Promise<PreparedPackage> {
    if (parsed.kind === 'status') return { kind: 'status', pkg: parsed };
    const isNew = row.business === 'new' || row.business === null;
    return { kind: 'edoc', pkg: parsed, files: isNew ? await this.verifyFiles(parsed) : null };
  }

  /** What the package does, in the caller's transaction (the row locked). */
  apply(row: ExchangeInboundEntity, prepared: PreparedPackage): Promise<Processed> {
    if (prepared.kind === 'status') return this.status(row, prepared.pkg);
    if (prepared.files) return this.newDocument(row, prepared.pkg, prepared.files);
    return this.edoc(row, prepared.pkg);
  }

  private async edoc(row: ExchangeInboundEntity, pkg: ParsedEdocPackage): Promise<Processed> {
    const target = await this.receivedFromSender(row);
    if (!target) return 'held';
    const reason = pkg.traceHeaderList.bussiness?.bussinessDocReason ?? '';
    let code: '15' | '16' = '15';
    if (row.business === 'update') {
      const f = receivedDocumentFields(pkg);
      const applied = await this.inbox.update(
        row.agencyId!,
        target.id,
        {
          subject: f.subject,
          dueDate: f.dueDate,
          toPlaces: f.toPlaces,
          description: f.description,
          priority: f.priority,
        },
        reason,
      );
      if (!applied) code = '16';
    } else {
      const notice =
        row.business === 'replace'
          ? `Văn bản đã được cơ quan ban hành thay thế: ${reason}; nội dung và tệp của văn bản cũ đã được hủy.`
          : undefined;
      await this.inbox.recall(row.agencyId!, target.id, reason, notice);
    }
    const description =
      code === '16'
        ? 'Văn bản đã bị thu hồi hoặc trả lại, không cập nhật được'
        : row.business === 'update'
          ? 'Đã cập nhật thông tin văn bản'
          : 'Đã thu hồi và hủy văn bản';
    await this.answer(row, code, description);
    await this.record(row, 'exchange.processed', {
      business: row.business,
      entryId: target.id,
      status: code,
    });
    return 'processed';
  }

  /**
   * The files of a new document (received-files.ts: PDFs first, then the others as they came), each
   * PDF through the signing engine: one invalid refuses the document.
   */
  private async verifyFiles(pkg: ParsedEdocPackage): Promise<VerifiedFile[]> {
    const files: VerifiedFile[] = [];
    for (const { pdf, ...file } of arrangeReceivedFiles(pkg.attachments)) {
      if (!pdf) {
        files.push({ ...file, report: null });
        continue;
      }
      let report: VerificationReport;
      try {
        report = await this.verify.execute({ pdf: file.bytes });
      } catch (error) {
        if (isAppException(error))
          throw exchangeError('EXCHANGE_ATTACHMENT_CORRUPT', { file: file.fileName, code: error.code });
        throw error;
      }
      if (report.verdict === 'invalid')
        throw exchangeError('EXCHANGE_DOCUMENT_SIGNATURE_INVALID', { file: file.fileName });
      files.push({ ...file, report });
    }
    return files;
  }

  private async newDocument(
    row: ExchangeInboundEntity,
    pkg: ParsedEdocPackage,
    files: readonly VerifiedFile[],
  ): Promise<Processed> {
    const entryId = await this.inbox.receive({
      consignmentId: row.consignmentId,
      agencyId: row.agencyId!,
      fields: receivedDocumentFields(pkg),
      files,
      responseFor: pkg.header.responseFor.map((r) => ({ organId: r.organId, documentId: r.documentId })),
    });
    await this.answer(row, '01', 'Đã đến');
    await this.record(row, 'exchange.processed', {
      business: 'new',
      entryId,
      files: files.map((f) => ({
        name: f.fileName,
        mediaType: f.mediaType,
        verdict: f.report?.verdict ?? null,
      })),
    });
    // a revoke, update or replace that overtook this document can be applied now
    if (row.documentId)
      await this.inbound.release(
        (await this.inbound.listHeldFor(row.documentId)).map((r) => r.consignmentId),
      );
    return 'processed';
  }

  /**
   * The received document a revoke, update, replace or take-back names, or null while it has not
   * arrived. Only the agency that sent it may change it: the newest entry under that identifier
   * from the same agency (another agency may have used the identifier for a document of its own);
   * when there are entries under it but none from this agency, the package is refused, whatever
   * its certificate.
   */
  private async receivedFromSender(row: ExchangeInboundEntity) {
    const entries = row.documentId ? await this.inbox.findReceived(row.agencyId!, row.documentId) : [];
    if (entries.length === 0) return null;
    for (const entry of entries)
      if (entry.organId && row.fromCode && (await sameAgency(this.routes, entry.organId, row.fromCode)))
        return entry;
    throw exchangeError('EXCHANGE_SENDER_NOT_AUTHORISED', {
      reason: 'only the agency that sent a document may take it back or change it',
      from: row.fromCode?.slice(0, 100) ?? null,
    });
  }

  /**
   * Status 13 (the sender asks to take the document back), as other systems send it, ResponseFor
   * naming us: the entry is recalled as by a revoke package and 15 goes back; held until the
   * document arrives.
   */
  private async takeBack(row: ExchangeInboundEntity, pkg: ParsedStatusPackage): Promise<Processed> {
    const target = await this.receivedFromSender(row);
    if (!target) return 'held';
    const reason = pkg.status.description?.trim().slice(0, 500) || 'Cơ quan ban hành đề nghị lấy lại văn bản';
    await this.inbox.recall(row.agencyId!, target.id, reason);
    await this.answer(row, '15', 'Đã thu hồi và hủy văn bản');
    await this.record(row, 'exchange.processed', {
      business: 'revoke',
      via: '13',
      entryId: target.id,
      status: '15',
    });
    return 'processed';
  }

  private async status(row: ExchangeInboundEntity, pkg: ParsedStatusPackage): Promise<Processed> {
    if (pkg.status.statusCode === TAKE_BACK) return this.takeBack(row, pkg);
    const target = row.documentId
      ? await this.targets.find({
          senderAgencyId: row.agencyId!,
          documentId: row.documentId,
          consignmentId: row.consignmentId,
          code: pkg.status.statusCode,
          reporterCode: pkg.status.from.organId,
        })
      : null;
    if (!target) return 'held';
    const outcome = await this.inbox.applyStatus({
      deliveryId: target.deliveryId,
      code: pkg.status.statusCode,
      description: pkg.status.description?.slice(0, 500) ?? null,
      staffName: pkg.status.staffInfo?.staff?.slice(0, 100) ?? null,
      at: this.clock.now(),
    });
    await this.record(row, 'exchange.status_received', {
      deliveryId: target.deliveryId,
      code: pkg.status.statusCode,
      from: pkg.status.from.organId,
      outcome,
    });
    return 'processed';
  }

  /** A refused document: status 02 with the reason goes back; nothing is in the inbox. */
  async refuse(row: ExchangeInboundEntity, code: string, message: string): Promise<void> {
    if (row.kind === 'edoc') await this.answer(row, '02', `${message} (${code})`);
    await this.record(row, 'exchange.refused', { code, message });
  }

  /** A status back to the sender of the package `row` (01 arrived, 02, 15, 16). */
  private answer(row: ExchangeInboundEntity, code: '01' | '02' | '15' | '16', description: string) {
    return this.statuses.send({
      agencyId: row.agencyId!,
      answers: row.consignmentId,
      code,
      description,
      staffName: null,
      at: this.clock.now(),
    });
  }

  private async record(
    row: ExchangeInboundEntity,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record({
      action,
      agencyId: row.agencyId,
      subjectType: 'consignment',
      subjectId: row.consignmentId,
      details: { kind: row.kind, from: row.fromCode, documentId: row.documentId, ...details },
    });
  }
}
