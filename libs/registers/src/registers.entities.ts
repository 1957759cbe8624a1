import { AssignmentEntity } from './assignments/assignment.entity';
import { CaseFileEntryEntity } from './case-files/case-file-entry.entity';
import { CaseFileEntity } from './case-files/case-file.entity';
import { DocumentCopyEntity } from './copies/document-copy.entity';
import { DeliveryStatusEntity } from './deliveries/delivery-status.entity';
import { DeliveryEntity } from './deliveries/delivery.entity';
import { EntryRecipientEntity } from './deliveries/entry-recipient.entity';
import { EntryNoteEntity } from './entries/entry-note.entity';
import { RegisterEntryEntity } from './entries/register-entry.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { RegisterSettingEntity } from './numbering/register-setting.entity';
import { RegisterEntity } from './numbering/register.entity';
import { DocumentTypeEntity } from './types/document-type.entity';

export const REGISTERS_ENTITIES = [
  DocumentTypeEntity,
  RegisterSettingEntity,
  RegisterEntity,
  RegisterEntryEntity,
  EntryRecipientEntity,
  DeliveryEntity,
  DeliveryStatusEntity,
  AssignmentEntity,
  EntryNoteEntity,
  NotificationEntity,
  CaseFileEntity,
  CaseFileEntryEntity,
  DocumentCopyEntity,
];
