import type { Provider } from '@nestjs/common';

/** Providers of the reports area; the use cases among them are exported by RegistersModule. */
export const REPORTS_PROVIDERS: Provider[] = [];
