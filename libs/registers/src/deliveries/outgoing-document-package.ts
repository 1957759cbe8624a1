import type { Agency } from '@vanthu/directory';
import type { DocumentVersionEntity } from '@vanthu/documents';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import type { DeliveryEntity } from './delivery.entity';

/** One file of the package: read from object storage by the exchange module. */
export interface OutgoingPackageFile {
  readonly fileIndex: number;
  readonly fileName: string;
  readonly storageKey: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/**
 * What one exchange delivery carries, in the registers' own words: the exchange module turns it
 * into an edXML package (one recipient per package).
 */
export interface OutgoingDocumentPackage {
  readonly deliveryId: string;
  readonly senderAgencyId: string;
  readonly business: DeliveryEntity['business'];
  readonly reason: string | null;
  readonly sender: { readonly code: string; readonly name: string };
  readonly recipient: { readonly code: string; readonly name: string };
  readonly document: {
    readonly typeCode: string;
    readonly codeNumber: string;
    readonly codeNotation: string;
    readonly issuedDate: string;
    readonly subject: string;
    readonly signerPosition: string | null;
    readonly signerName: string | null;
    readonly priority: RegisterEntryEntity['priority'];
    readonly dueDate: string | null;
    readonly toPlaces: string | null;
    readonly pageAmount: number | null;
    readonly issuedAmount: number | null;
    readonly description: string | null;
    readonly documentIdentifier: string;
  };
  /** empty for revoke, update and replace: those carry no document */
  readonly files: readonly OutgoingPackageFile[];
  /** the document this one answers (ResponseFor), when it came from another agency */
  readonly responseFor: {
    readonly organId: string;
    readonly documentId: string;
    readonly code: string | null;
    readonly issuedDate: string | null;
  } | null;
  /** replace: the document that replaces this one */
  readonly replacedBy: { readonly documentIdentifier: string; readonly numberNotation: string } | null;
}

export function toOutgoingPackage(input: {
  delivery: DeliveryEntity;
  entry: RegisterEntryEntity;
  sender: Agency;
  files: readonly DocumentVersionEntity[];
  answered: RegisterEntryEntity | null;
  replacedBy: RegisterEntryEntity | null;
}): OutgoingDocumentPackage {
  const { delivery, entry, sender, answered, replacedBy } = input;
  return {
    deliveryId: delivery.id,
    senderAgencyId: delivery.senderAgencyId,
    business: delivery.business,
    reason: delivery.reason,
    sender: { code: sender.code, name: sender.name },
    recipient: { code: delivery.organId ?? '', name: delivery.organName },
    document: {
      typeCode: entry.documentTypeCode,
      codeNumber: entry.codeNumber ?? '',
      codeNotation: entry.codeNotation ?? '',
      issuedDate: entry.issuedDate ?? entry.entryDate,
      subject: entry.subject,
      signerPosition: entry.signerPosition,
      signerName: entry.signerName,
      priority: entry.priority,
      dueDate: entry.dueDate,
      toPlaces: entry.toPlaces,
      pageAmount: entry.pageAmount,
      issuedAmount: entry.issuedAmount,
      description: entry.description,
      documentIdentifier: entry.documentIdentifier ?? '',
    },
    files: input.files.map((f) => ({
      fileIndex: f.fileIndex,
      fileName: f.fileName,
      storageKey: f.storageKey,
      sha256: f.sha256,
      sizeBytes: f.sizeBytes,
    })),
    responseFor:
      answered && answered.direction === 'incoming' && answered.organId && answered.documentIdentifier
        ? {
            organId: answered.organId,
            documentId: answered.documentIdentifier,
            code:
              answered.codeNumber && answered.codeNotation
                ? `${answered.codeNumber}/${answered.codeNotation}`
                : null,
            issuedDate: answered.issuedDate,
          }
        : null,
    replacedBy:
      replacedBy?.documentIdentifier && replacedBy.codeNumber
        ? {
            documentIdentifier: replacedBy.documentIdentifier,
            numberNotation: `${replacedBy.codeNumber}/${replacedBy.codeNotation}`,
          }
        : null,
  };
}
