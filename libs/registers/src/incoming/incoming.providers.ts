import type { Provider } from '@nestjs/common';
import { ASSIGNMENTS_PROVIDERS } from '../assignments/assignments.providers';
import { NOTIFICATIONS_PROVIDERS } from '../notifications/notifications.providers';
import { AddProgressNoteUseCase } from './add-progress-note.use-case';
import { CloseIncomingUseCase } from './close-incoming.use-case';
import { InboxRepository } from './inbox.repository';
import { IncomingCloser } from './incoming-closer';
import { IncomingDuplicateGuard } from './incoming-duplicate.guard';
import { IncomingFilesVerifier } from './incoming-files.verifier';
import { IncomingRegistrar } from './incoming-registrar';
import { IncomingReplyLinker } from './incoming-reply.linker';
import { ListInboxUseCase } from './list-inbox.use-case';
import { RegisterFromInboxUseCase } from './register-from-inbox.use-case';
import { RegisterIncomingUseCase } from './register-incoming.use-case';
import { ReturnIncomingUseCase } from './return-incoming.use-case';

/** Providers of the incoming area; the use cases among them are exported by RegistersModule. */
export const INCOMING_PROVIDERS: Provider[] = [
  InboxRepository,
  IncomingFilesVerifier,
  IncomingDuplicateGuard,
  IncomingCloser,
  IncomingReplyLinker,
  IncomingRegistrar,
  RegisterIncomingUseCase,
  ListInboxUseCase,
  RegisterFromInboxUseCase,
  ReturnIncomingUseCase,
  AddProgressNoteUseCase,
  CloseIncomingUseCase,
  ...ASSIGNMENTS_PROVIDERS,
  ...NOTIFICATIONS_PROVIDERS,
];
