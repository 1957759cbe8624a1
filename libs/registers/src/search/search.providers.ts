import type { Provider } from '@nestjs/common';
import { EntrySearchRepository } from './entry-search.repository';
import { SearchEntriesUseCase } from './search-entries.use-case';

/** Providers of the search area; the use cases among them are exported by RegistersModule. */
export const SEARCH_PROVIDERS: Provider[] = [EntrySearchRepository, SearchEntriesUseCase];
