import type { Provider } from '@nestjs/common';
import { FollowUpDeliveries } from '../deliveries/follow-up-deliveries';
import { LocalDelivery } from '../deliveries/local-delivery';
import { LocalRecall } from '../deliveries/local-recall';
import { LocalUpdate } from '../deliveries/local-update';
import { DownloadVersionUseCase } from '../entries/download-version.use-case';
import { EntryDetailsRepository } from '../entries/entry-details.repository';
import { EntryNoteRepository } from '../entries/entry-note.repository';
import { GetEntryUseCase } from '../entries/get-entry.use-case';
import { OutgoingDrafting } from './outgoing-drafting';
import { OutgoingFiles } from './outgoing-files';
import { OutgoingRelease } from './outgoing-release';
import { RecipientResolver } from './recipient-resolver';
import { SigningCertificates } from './signing-certificates';
import { CreateOutgoingDraftUseCase } from './use-cases/create-outgoing-draft.use-case';
import { DecideOutgoingUseCase } from './use-cases/decide-outgoing.use-case';
import { IssueOutgoingUseCase } from './use-cases/issue-outgoing.use-case';
import { RecallOutgoingUseCase } from './use-cases/recall-outgoing.use-case';
import { ReplaceOutgoingUseCase } from './use-cases/replace-outgoing.use-case';
import { UpdateIssuedOutgoingUseCase } from './use-cases/update-issued-outgoing.use-case';
import { SignOutgoingUseCase } from './use-cases/sign-outgoing.use-case';
import { UpdateOutgoingDraftUseCase } from './use-cases/update-outgoing-draft.use-case';
import { UploadOutgoingVersionUseCase } from './use-cases/upload-outgoing-version.use-case';

/** Providers of the outgoing area; the use cases among them are exported by RegistersModule. */
export const OUTGOING_PROVIDERS: Provider[] = [
  EntryNoteRepository,
  EntryDetailsRepository,
  OutgoingDrafting,
  OutgoingFiles,
  RecipientResolver,
  SigningCertificates,
  LocalDelivery,
  LocalRecall,
  LocalUpdate,
  FollowUpDeliveries,
  OutgoingRelease,
  CreateOutgoingDraftUseCase,
  UpdateOutgoingDraftUseCase,
  UploadOutgoingVersionUseCase,
  DecideOutgoingUseCase,
  SignOutgoingUseCase,
  IssueOutgoingUseCase,
  RecallOutgoingUseCase,
  ReplaceOutgoingUseCase,
  UpdateIssuedOutgoingUseCase,
  GetEntryUseCase,
  DownloadVersionUseCase,
];
