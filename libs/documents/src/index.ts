export { DocumentsModule } from './documents.module';
export { DOCUMENTS_ENTITIES } from './documents.entities';
export { DocumentStore, storageKeyOf, type AddVersionInput, type StoredObject } from './document-store';
export {
  type DocumentVersionEntity,
  DOCUMENT_VERSION_KINDS,
  type DocumentVersionKind,
} from './document-version.entity';
export { toDocumentVersionView, type DocumentVersionView } from './document-version-view';
