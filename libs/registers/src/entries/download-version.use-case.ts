import { Injectable } from '@nestjs/common';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { RegistersErrors } from '../registers.errors';
import { RegisterEntryRepository } from './register-entry.repository';

export interface DownloadedVersion {
  fileName: string;
  sha256: string;
  bytes: Buffer;
}

/** The bytes of one stored version, verified against its SHA-256 by the storage layer. */
@Injectable()
export class DownloadVersionUseCase {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly documents: DocumentStore,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    entryId: string;
    versionId: string;
  }): Promise<DownloadedVersion> {
    authorizeAgency(input.principal, input.agencyId, []);
    const entry = await this.entries.findInAgency(input.agencyId, input.entryId);
    if (!entry) throw RegistersErrors.entryNotFound();
    const version = await this.documents.find(entry.id, input.versionId);
    if (!version) throw RegistersErrors.versionNotFound();
    return { fileName: version.fileName, sha256: version.sha256, bytes: await this.documents.read(version) };
  }
}
