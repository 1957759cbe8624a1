import { Injectable } from '@nestjs/common';
import { AgencyRepository } from '@vanthu/directory';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { renderRegisterPdf } from '../../print/register-pdf.renderer';
import type {
  IncomingRegisterRow,
  OutgoingRegisterRow,
  RegisterPrintSpec,
} from '../../print/register-print.types';
import { renderRegisterXlsx } from '../../print/register-xlsx.renderer';
import { RegistersErrors } from '../../registers.errors';
import type { IncomingRegisterLine, OutgoingRegisterLine } from '../register-rows.repository';
import { RegisterRowsRepository } from '../register-rows.repository';
import { RegisterRepository } from '../register.repository';

export type RegisterPrintFormat = 'pdf' | 'xlsx';

export interface RegisterPrintout {
  fileName: string;
  mediaType: string;
  bytes: Buffer;
}

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const notation = (codeNumber: string | null, codeNotation: string | null): string =>
  codeNotation ? (codeNumber ? `${codeNumber}/${codeNotation}` : codeNotation) : '';

/** "Quyết định về việc…"; a subject that already starts with its type is not doubled. */
function typeAndSubject(typeName: string, subject: string): string {
  return subject.toLocaleLowerCase('vi').startsWith(typeName.toLocaleLowerCase('vi'))
    ? subject
    : `${typeName} ${subject}`;
}

/** A line keeps its number for good (numbers never skip), so what became of it goes in Ghi chú. */
function noteOf(line: { status: string; returnReason?: string | null }): string {
  if (line.status === 'returned') return `Đã trả lại${line.returnReason ? `: ${line.returnReason}` : ''}`;
  if (line.status === 'recalled') return 'Đã thu hồi';
  if (line.status === 'replaced') return 'Đã bị thay thế';
  return '';
}

function incomingRow(line: IncomingRegisterLine): IncomingRegisterRow {
  return {
    arrivalDate: line.entryDate,
    arrivalNumber: line.number,
    sender: line.organName ?? '',
    numberNotation: notation(line.codeNumber, line.codeNotation),
    documentDate: line.issuedDate,
    typeAndSubject: typeAndSubject(line.typeName, line.subject),
    recipients: line.leadNames ?? '',
    transferDate: line.firstAssignedDate,
    // Signed on paper by whoever takes the document: the system has nothing to put here.
    receivedBy: '',
    note: noteOf(line),
    dueDate: line.dueDate,
    progress: line.lastProgress ?? '',
    replyNotation: notation(line.replyCodeNumber, line.replyCodeNotation),
  };
}

function outgoingRow(line: OutgoingRegisterLine): OutgoingRegisterRow {
  return {
    numberNotation: notation(line.codeNumber, line.codeNotation),
    documentDate: line.issuedDate ?? line.entryDate,
    typeAndSubject: typeAndSubject(line.typeName, line.subject),
    signer: line.signerName ?? '',
    recipients: line.recipientNames ?? '',
    keptBy: line.draftingUnitName ?? '',
    copies: line.issuedAmount,
    transferDate: line.releasedDate,
    receivedBy: '',
    note: noteOf(line),
  };
}

/**
 * A register printed in full with the ND30 columns (PDF, A4 landscape) or exported as a
 * spreadsheet, lines in number order. `followUp` prints the incoming follow-up register
 * (deadline, progress, reply). Clerks keep the registers; leaders and admins read them.
 */
@Injectable()
export class PrintRegisterUseCase {
  constructor(
    private readonly registers: RegisterRepository,
    private readonly rows: RegisterRowsRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    registerId: string;
    format: RegisterPrintFormat;
    followUp?: boolean;
  }): Promise<RegisterPrintout> {
    authorizeAgency(input.principal, input.agencyId, ['clerk', 'leader', 'admin']);
    const register = await this.registers.findInAgency(input.agencyId, input.registerId);
    if (!register) throw RegistersErrors.registerNotFound();
    if (register.kind === 'copy') throw RegistersErrors.registerNotPrintable();
    const agency = (await this.agencies.findById(input.agencyId))!;
    const common = { agencyName: agency.name, registerName: register.name, year: register.year };
    const spec: RegisterPrintSpec =
      register.kind === 'incoming'
        ? {
            kind: 'incoming',
            ...common,
            followUp: input.followUp ?? false,
            rows: (await this.rows.incoming(input.agencyId, register.id)).map(incomingRow),
          }
        : {
            kind: 'outgoing',
            ...common,
            rows: (await this.rows.outgoing(input.agencyId, register.id)).map(outgoingRow),
          };
    const baseName =
      spec.kind === 'incoming' && spec.followUp ? `${register.name} - theo dõi giải quyết` : register.name;
    return input.format === 'pdf'
      ? { fileName: `${baseName}.pdf`, mediaType: 'application/pdf', bytes: await renderRegisterPdf(spec) }
      : { fileName: `${baseName}.xlsx`, mediaType: XLSX_MEDIA_TYPE, bytes: await renderRegisterXlsx(spec) };
  }
}
