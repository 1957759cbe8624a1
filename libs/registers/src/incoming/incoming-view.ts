import {
  type DocumentVersionEntity,
  type DocumentVersionView,
  toDocumentVersionView,
} from '@vanthu/documents';
import type { VerificationReport } from '@vanthu/signing';
import { type EntryView, toEntryView } from '../entries/entry-view';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';
import { type FileVerificationSummary, summarizeVerification } from './incoming-files.verifier';

/** An incoming entry with its files and what their signature check found. */
export interface IncomingEntryView extends EntryView {
  verification: { verdict: string | null; overridden: boolean; files: FileVerificationSummary[] };
  files: DocumentVersionView[];
}

export function toIncomingEntryView(
  entry: RegisterEntryEntity,
  files: readonly DocumentVersionEntity[],
): IncomingEntryView {
  return {
    ...toEntryView(entry),
    verification: {
      verdict: entry.verificationVerdict,
      overridden: entry.verificationOverridden,
      files: files
        .filter((f) => f.verificationReport)
        .map((f) =>
          summarizeVerification({
            fileIndex: f.fileIndex,
            fileName: f.fileName,
            report: f.verificationReport as unknown as VerificationReport,
          }),
        ),
    },
    files: files.map(toDocumentVersionView),
  };
}
