import { Injectable } from '@nestjs/common';
import { DocumentStore, type DocumentVersionEntity, type DocumentVersionKind } from '@vanthu/documents';
import { inspectPdf } from '@vanthu/signing';
import type { UploadedPdf } from './outgoing-metadata';

export interface CheckedPdf extends UploadedPdf {
  pageCount: number;
}

/** Uploaded PDFs of outgoing documents: checked before any write, stored as new versions. */
@Injectable()
export class OutgoingFiles {
  constructor(private readonly documents: DocumentStore) {}

  /** PDF_NOT_PDF / PDF_MALFORMED / PDF_ENCRYPTED before anything is written. */
  check(files: UploadedPdf[]): CheckedPdf[] {
    return files.map((f) => ({ ...f, pageCount: inspectPdf(f.bytes).pageCount }));
  }

  async store(
    agencyId: string,
    entryId: string,
    fileIndex: number,
    file: UploadedPdf,
    kind: DocumentVersionKind,
    createdBy: string | null,
  ): Promise<DocumentVersionEntity> {
    return this.storeBytes(agencyId, entryId, fileIndex, file.fileName, file.bytes, kind, createdBy);
  }

  storeBytes(
    agencyId: string,
    entryId: string,
    fileIndex: number,
    fileName: string,
    bytes: Buffer,
    kind: DocumentVersionKind,
    createdBy: string | null,
  ): Promise<DocumentVersionEntity> {
    return this.documents.addVersion({ agencyId, entryId, fileIndex, fileName, kind, bytes, createdBy });
  }

  latest(entryId: string): Promise<DocumentVersionEntity[]> {
    return this.documents.latest(entryId);
  }

  read(version: DocumentVersionEntity): Promise<Buffer> {
    return this.documents.read(version);
  }
}
