import type { Provider } from '@nestjs/common';

/** Providers of the case-files area; the use cases among them are exported by RegistersModule. */
export const CASE_FILES_PROVIDERS: Provider[] = [];
