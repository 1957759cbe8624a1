import { AUDIT_ENTITIES } from '@vanthu/audit';
import { CERTIFICATES_ENTITIES } from '@vanthu/certificates';
import { DIRECTORY_ENTITIES } from '@vanthu/directory';
import { DOCUMENTS_ENTITIES } from '@vanthu/documents';
import { EXCHANGE_ENTITIES } from '@vanthu/exchange';
import { IDENTITY_ENTITIES } from '@vanthu/identity';
import { REGISTERS_ENTITIES } from '@vanthu/registers';

/** Every entity of the product, so that test databases map the whole schema. */
export const ALL_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CERTIFICATES_ENTITIES,
  ...DOCUMENTS_ENTITIES,
  ...REGISTERS_ENTITIES,
  ...EXCHANGE_ENTITIES,
];
