export { DocumentsModule } from './documents.module';
export { DOCUMENTS_ENTITIES } from './documents.entities';
export { DocumentStore, storageKeyOf, type AddVersionInput, type StoredObject } from './document-store';
export { DocumentsErrors } from './documents.errors';
export { StoredObjectSweeper, type SweepResult } from './stored-object-sweeper';
export { StorageSweepWorker } from './storage-sweep.worker';
export { StorageSweepModule } from './storage-sweep.module';
export { StoredObjectClaimRepository, type ObjectClaim } from './stored-object-claim.repository';
export {
  type DocumentVersionEntity,
  DOCUMENT_VERSION_KINDS,
  type DocumentVersionKind,
} from './document-version.entity';
export { OPAQUE_MEDIA_TYPE, PDF_MEDIA_TYPE, SERVED_MEDIA_TYPES, storedMediaType } from './media-type';
export { toDocumentVersionView, type DocumentVersionView } from './document-version-view';
