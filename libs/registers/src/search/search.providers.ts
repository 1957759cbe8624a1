import type { Provider } from '@nestjs/common';

/** Providers of the search area; the use cases among them are exported by RegistersModule. */
export const SEARCH_PROVIDERS: Provider[] = [];
