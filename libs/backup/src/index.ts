export { CreateBackupUseCase, type CreateBackupInput, type BackupSummary } from './create-backup.use-case';
export {
  RestoreBackupUseCase,
  type RestoreBackupInput,
  type RestoreSummary,
  type RestoreTarget,
} from './restore-backup.use-case';
export { BackupReader } from './backup-reader';
export { type BackupManifest, MANIFEST_FILE, SUMS_FILE } from './backup-manifest';
export { readMasterKey, type MasterKeyBytes } from './master-key-id';
