import { Injectable } from '@nestjs/common';
import { DocumentStore, type DocumentVersionEntity, type DocumentVersionKind } from '@vanthu/documents';
import { inspectPdf, refuseActiveContent } from '@vanthu/signing';
import type { UploadedPdf } from './outgoing-metadata';

export interface CheckedPdf extends UploadedPdf {
  pageCount: number;
}

/** Uploaded PDFs of outgoing documents: checked before any write, stored as new versions. */
@Injectable()
export class OutgoingFiles {
  constructor(private readonly documents: DocumentStore) {}

  /**
   * PDF_NOT_PDF / PDF_MALFORMED / PDF_ENCRYPTED, and PDF_ACTIVE_CONTENT for a file with scripts,
   * embedded files, forms or automatic actions (it would be signed and sent with them), before
   * anything is written.
   */
  check(files: UploadedPdf[]): CheckedPdf[] {
    return files.map((f) => {
      const { pageCount } = inspectPdf(f.bytes);
      refuseActiveContent(f.bytes, f.fileName);
      return { ...f, pageCount };
    });
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
