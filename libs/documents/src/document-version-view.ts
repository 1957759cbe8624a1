import type { DocumentVersionEntity, DocumentVersionKind } from './document-version.entity';

/** A stored version as the API shows it (never the storage key). */
export interface DocumentVersionView {
  id: string;
  fileIndex: number;
  fileName: string;
  seq: number;
  kind: DocumentVersionKind;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  verificationVerdict: string | null;
  createdBy: string | null;
  createdAt: string;
}

export function toDocumentVersionView(row: DocumentVersionEntity): DocumentVersionView {
  return {
    id: row.id,
    fileIndex: row.fileIndex,
    fileName: row.fileName,
    seq: row.seq,
    kind: row.kind,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    mediaType: row.mediaType,
    verificationVerdict: row.verificationVerdict,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
