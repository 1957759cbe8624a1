import { Module } from '@nestjs/common';
import { StorageSweepWorker } from './storage-sweep.worker';
import { StoredObjectClaimRepository } from './stored-object-claim.repository';
import { StoredObjectSweeper } from './stored-object-sweeper';

/**
 * The storage sweep for any process that stores objects under claims: the server, and the hub,
 * which has no DocumentsModule (no document tables in its entities). Needs APP_CONFIG,
 * ObjectStorage, Clock and Database from the application.
 */
@Module({
  providers: [StoredObjectClaimRepository, StoredObjectSweeper, StorageSweepWorker],
  exports: [StorageSweepWorker],
})
export class StorageSweepModule {}
