import { Injectable } from '@nestjs/common';
import { DocumentTypeRepository } from './document-type.repository';

export interface DocumentTypeView {
  code: string;
  name: string;
  abbreviation: string | null;
}

@Injectable()
export class ListDocumentTypesUseCase {
  constructor(private readonly types: DocumentTypeRepository) {}

  async execute(): Promise<DocumentTypeView[]> {
    return (await this.types.list()).map((t) => ({
      code: t.code,
      name: t.name,
      abbreviation: t.abbreviation,
    }));
  }
}
