import { AUDIT_ENTITIES } from '@vanthu/audit';
import { CERTIFICATES_ENTITIES } from '@vanthu/certificates';
import { DIRECTORY_ENTITIES } from '@vanthu/directory';
import { IDENTITY_ENTITIES } from '@vanthu/identity';

/** Every entity of the product, so that test databases map the whole schema. */
export const ALL_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...DIRECTORY_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CERTIFICATES_ENTITIES,
];
