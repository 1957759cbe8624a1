import type { Provider } from '@nestjs/common';

/** Providers of the incoming area; the use cases among them are exported by RegistersModule. */
export const INCOMING_PROVIDERS: Provider[] = [];
