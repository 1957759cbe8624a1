import { Module } from '@nestjs/common';
import { DocumentStore } from './document-store';
import { DocumentVersionRepository } from './document-version.repository';

/** Needs ObjectStorage, Clock and Database from the application. */
@Module({
  providers: [DocumentVersionRepository, DocumentStore],
  exports: [DocumentStore],
})
export class DocumentsModule {}
