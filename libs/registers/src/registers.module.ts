import { Module } from '@nestjs/common';
import { CertificatesModule } from '@vanthu/certificates';
import { DirectoryModule } from '@vanthu/directory';
import { DocumentsModule } from '@vanthu/documents';
import { IdentityModule } from '@vanthu/identity';
import { CASE_FILES_PROVIDERS } from './case-files/case-files.providers';
import { COPIES_PROVIDERS } from './copies/copies.providers';
import { DELIVERIES_PROVIDERS } from './deliveries/deliveries.providers';
import { DeliveryStatusReporter } from './deliveries/delivery-status.reporter';
import { RemoteDeliveries } from './deliveries/remote-deliveries';
import { RemoteInbox } from './deliveries/remote-inbox';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { RegisterEntryRepository } from './entries/register-entry.repository';
import { INCOMING_PROVIDERS } from './incoming/incoming.providers';
import { NumberAllocator } from './numbering/number-allocator';
import { RegisterRepository } from './numbering/register.repository';
import { ListRegistersUseCase } from './numbering/use-cases/list-registers.use-case';
import { SetOutgoingSeriesUseCase } from './numbering/use-cases/set-outgoing-series.use-case';
import { ListDocumentTypesUseCase } from './types/list-document-types.use-case';
import { OUTGOING_PROVIDERS } from './outgoing/outgoing.providers';
import { REPORTS_PROVIDERS } from './reports/reports.providers';
import { SEARCH_PROVIDERS } from './search/search.providers';
import { DocumentTypeRepository } from './types/document-type.repository';

const AREA_PROVIDERS = [
  ListRegistersUseCase,
  SetOutgoingSeriesUseCase,
  ListDocumentTypesUseCase,
  ...INCOMING_PROVIDERS,
  ...OUTGOING_PROVIDERS,
  ...SEARCH_PROVIDERS,
  ...CASE_FILES_PROVIDERS,
  ...COPIES_PROVIDERS,
  ...REPORTS_PROVIDERS,
];

/**
 * Registers and the document workflow. Needs APP_CONFIG, Clock, Database, AuditLog, ObjectStorage
 * and a StatusOutbox (where statuses of documents received by exchange go) from the application.
 */
@Module({
  imports: [DirectoryModule, IdentityModule, CertificatesModule, DocumentsModule],
  providers: [
    DocumentTypeRepository,
    RegisterRepository,
    NumberAllocator,
    RegisterEntryRepository,
    DeliveryRepository,
    DeliveryStatusReporter,
    ...DELIVERIES_PROVIDERS,
    ...AREA_PROVIDERS,
  ],
  exports: [NumberAllocator, DocumentTypeRepository, RemoteDeliveries, RemoteInbox, ...AREA_PROVIDERS],
})
export class RegistersModule {}
