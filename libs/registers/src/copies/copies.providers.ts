import type { Provider } from '@nestjs/common';
import { DocumentCopyRepository } from './document-copy.repository';
import { DownloadCopyUseCase } from './download-copy.use-case';
import { ListCopiesUseCase } from './list-copies.use-case';
import { MakeCopyUseCase } from './make-copy.use-case';

/** Providers of electronic copies; the use cases among them are exported by RegistersModule. */
export const COPIES_PROVIDERS: Provider[] = [
  DocumentCopyRepository,
  MakeCopyUseCase,
  ListCopiesUseCase,
  DownloadCopyUseCase,
];
