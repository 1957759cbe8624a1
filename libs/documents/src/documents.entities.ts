import { DocumentVersionEntity } from './document-version.entity';

export const DOCUMENTS_ENTITIES = [DocumentVersionEntity];
