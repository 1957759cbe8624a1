import { Module } from '@nestjs/common';
import { DocumentStore } from './document-store';
import { DocumentVersionRepository } from './document-version.repository';
import { StoredObjectClaimRepository } from './stored-object-claim.repository';
import { StoredObjectSweeper } from './stored-object-sweeper';

/** Needs ObjectStorage, Clock and Database from the application. */
@Module({
  providers: [DocumentVersionRepository, StoredObjectClaimRepository, DocumentStore, StoredObjectSweeper],
  exports: [DocumentStore, StoredObjectSweeper],
})
export class DocumentsModule {}
