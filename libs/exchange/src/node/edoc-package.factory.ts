import { Injectable } from '@nestjs/common';
import {
  type AttachmentInput,
  type BussinessDocType,
  edocHeaderFromRegister,
  type EdocPackageInput,
  vietnamTimestamp,
} from '@vanthu/edxml';
import { ObjectStorage } from '@vanthu/storage';
import type { OutgoingDocument } from './exchange-outbox.port';

const DOC_TYPE: Record<OutgoingDocument['business'], BussinessDocType> = {
  new: 0,
  revoke: 1,
  update: 2,
  replace: 3,
};

/**
 * The edXML package of one delivery: the document's header in the standard's words with exactly
 * one To (the recipient of this consignment; the whole list is in ToPlaces), the sender as the first
 * TraceHeader, the business event (new, revoke, update, replace) with its reason, and the files
 * streamed from object storage.
 */
@Injectable()
export class EdocPackageFactory {
  constructor(private readonly storage: ObjectStorage) {}

  build(out: OutgoingDocument, now: Date): EdocPackageInput {
    const d = out.document;
    const header = edocHeaderFromRegister({
      typeCode: d.typeCode,
      codeNumber: d.codeNumber,
      codeNotation: d.codeNotation,
      issuedDate: d.issuedDate,
      subject: d.subject,
      content: d.description ?? undefined,
      signerInfo: {
        ...(d.signerPosition ? { position: d.signerPosition } : {}),
        ...(d.signerName ? { fullName: d.signerName } : {}),
      },
      priority: d.priority,
      dueDate: d.dueDate,
      toPlaces: d.toPlaces,
      pageAmount: d.pageAmount,
      issuedAmount: d.issuedAmount,
      from: { organId: out.sender.code, organName: out.sender.name },
      to: [{ organId: out.recipient.code, organName: out.recipient.name }],
    });
    const responseFor = out.responseFor
      ? [
          {
            organId: out.responseFor.organId,
            documentId: out.responseFor.documentId,
            ...(out.responseFor.code ? { code: out.responseFor.code } : {}),
            ...(out.responseFor.issuedDate ? { promulgationDate: out.responseFor.issuedDate } : {}),
          },
        ]
      : [];
    const reason =
      out.business === 'replace' && out.replacedBy
        ? `${out.reason ?? ''} (thay thế bằng văn bản số ${out.replacedBy.numberNotation}, ${out.replacedBy.documentIdentifier})`.trim()
        : (out.reason ?? undefined);
    return {
      header: { ...header, documentId: d.documentIdentifier, responseFor },
      traceHeaderList: {
        traceHeaders: [{ organId: out.sender.code, timestamp: vietnamTimestamp(now) }],
        bussiness: {
          bussinessDocType: DOC_TYPE[out.business],
          ...(reason ? { bussinessDocReason: reason } : {}),
          ...(out.business === 'new' ? {} : { documentId: d.documentIdentifier }),
          replacementInfoList:
            out.business === 'replace'
              ? [{ documentId: d.documentIdentifier, organIds: [out.recipient.code] }]
              : [],
        },
      },
      attachments: out.files.map((f): AttachmentInput => ({
        attachmentName: f.fileName,
        contentType: f.fileName.toLowerCase().endsWith('.pdf')
          ? 'application/pdf'
          : 'application/octet-stream',
        source: { open: () => this.storage.get(f.storageKey) },
      })),
    };
  }
}
