import type { Provider } from '@nestjs/common';

/** Providers of the outgoing area; the use cases among them are exported by RegistersModule. */
export const OUTGOING_PROVIDERS: Provider[] = [];
