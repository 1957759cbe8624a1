import { AUDIT_ENTITIES } from '@vanthu/audit';

/** Every entity of the product, so that test databases map the whole schema. */
export const ALL_ENTITIES = [...AUDIT_ENTITIES];
