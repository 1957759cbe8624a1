import { Injectable } from '@nestjs/common';
import { AgencyRepository } from '@vanthu/directory';
import { authorizeAgency, type Principal, ROLES } from '@vanthu/identity';
import { numberNotationOf } from '../../entries/entry-view';
import type { RegisterEntryEntity } from '../../entries/register-entry.entity';
import { renderCaseFilePdf } from '../../print/case-file-pdf.renderer';
import { renderCaseFileXml } from '../../print/case-file-xml.renderer';
import type { CaseFileDocument, CaseFileSpec } from '../../print/register-print.types';
import { RegistersErrors } from '../../registers.errors';
import { DocumentTypeRepository } from '../../types/document-type.repository';
import { CaseFileRepository } from '../case-file.repository';

export type CaseFileExportFormat = 'pdf' | 'xml';

/** A file to download: the name a person sees (Vietnamese), its media type and its bytes. */
export interface CaseFileExport {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

/** A case file as its list of documents (mục lục văn bản) in date order: PDF to print, XML to archive. */
@Injectable()
export class ExportCaseFileUseCase {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly agencies: AgencyRepository,
    private readonly types: DocumentTypeRepository,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    caseFileId: string;
    format: CaseFileExportFormat;
  }): Promise<CaseFileExport> {
    authorizeAgency(input.principal, input.agencyId, ROLES);
    const file = await this.files.findInAgency(input.agencyId, input.caseFileId);
    if (!file) throw RegistersErrors.caseFileNotFound();
    const agency = (await this.agencies.findById(input.agencyId))!;
    const typeNames = new Map((await this.types.list()).map((t) => [t.code, t.name]));
    const entries = await this.files.listEntries(file.id);
    const spec: CaseFileSpec = {
      agencyName: agency.name,
      code: file.code,
      title: file.title,
      year: file.year,
      keeper: file.keeper,
      documents: entries.map((e) => toDocument(e, typeNames.get(e.documentTypeCode) ?? '', agency.name)),
    };
    const baseName = `Hồ sơ ${file.code} năm ${file.year}`;
    return input.format === 'pdf'
      ? { fileName: `${baseName}.pdf`, mediaType: 'application/pdf', bytes: await renderCaseFilePdf(spec) }
      : {
          fileName: `${baseName}.xml`,
          mediaType: 'application/xml; charset=utf-8',
          bytes: Buffer.from(renderCaseFileXml(spec), 'utf8'),
        };
  }
}

/** The document's own date where it has one (an incoming document's date precedes its arrival). */
function toDocument(e: RegisterEntryEntity, typeName: string, agencyName: string): CaseFileDocument {
  return {
    date: e.issuedDate ?? e.entryDate,
    direction: e.direction,
    numberNotation: numberNotationOf(e) ?? '',
    typeName,
    subject: e.subject,
    issuer: e.organName ?? (e.direction === 'outgoing' ? agencyName : ''),
    signer: e.signerName ?? '',
    documentIdentifier: e.documentIdentifier,
    pageAmount: e.pageAmount,
  };
}
