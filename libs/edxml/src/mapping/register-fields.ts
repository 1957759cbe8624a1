import { foldVietnamese } from '@vanthu/shared';
import type { EdocPackageInput } from '../build/package-input';
import type { EdocMessageHeader, EdxmlOrganization, EdxmlPriority, SignerInfo } from '../model/edoc-package';
import type { StatusCode, StatusMessage } from '../model/status-package';
import { parseDocumentId } from '../values/document-id';
import { ND30_DOCUMENT_TYPES } from './nd30-document-types';

/** Độ khẩn as the registers name it. */
export type RegisterPriority = 'normal' | 'urgent' | 'very_urgent' | 'flash';

const TO_EDXML: Record<RegisterPriority, EdxmlPriority> = { normal: 0, urgent: 1, very_urgent: 2, flash: 3 };
const FROM_EDXML: Record<EdxmlPriority, RegisterPriority> = {
  0: 'normal',
  1: 'urgent',
  2: 'very_urgent',
  3: 'flash',
  // hỏa tốc hẹn giờ: the registers have no timed flash; it is at least flash
  4: 'flash',
};

export function priorityToEdxml(priority: RegisterPriority | undefined): EdxmlPriority {
  return TO_EDXML[priority ?? 'normal'];
}

export function priorityFromEdxml(priority: EdxmlPriority): RegisterPriority {
  return FROM_EDXML[priority];
}

/** The ND30 type name of a register type code (`QD` → `Quyết định`), undefined for unknown codes. */
export function documentTypeName(typeCode: string): string | undefined {
  return ND30_DOCUMENT_TYPES.find(([code]) => code === typeCode)?.[1];
}

/** The register type code of an edXML TypeName, ignoring case and diacritics (`quyet dinh` → `QD`). */
export function documentTypeCode(typeName: string): string | undefined {
  const key = foldVietnamese(typeName).trim().toLowerCase();
  return ND30_DOCUMENT_TYPES.find(([, name]) => foldVietnamese(name).toLowerCase() === key)?.[0];
}

/**
 * An issued outgoing document as the registers and the outgoing API name its fields, with the
 * sender and recipients: what a node's outbox (and `vanthu edxml pack`) turns into a package header.
 */
export interface OutgoingDocumentFields {
  readonly typeCode: string;
  /** default: the ND30 name of `typeCode` */
  readonly typeName?: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  /** `YYYY-MM-DD` */
  readonly issuedDate: string;
  readonly subject: string;
  readonly content?: string;
  readonly place?: string;
  readonly signerInfo?: SignerInfo;
  readonly priority?: RegisterPriority;
  readonly dueDate?: string | null;
  /** nơi nhận: one place per line, or a list */
  readonly toPlaces?: string | readonly string[] | null;
  readonly pageAmount?: number | null;
  readonly issuedAmount?: number | null;
  readonly from: Pick<EdxmlOrganization, 'organId' | 'organName'> & Partial<EdxmlOrganization>;
  readonly to: readonly (Pick<EdxmlOrganization, 'organId' | 'organName'> & Partial<EdxmlOrganization>)[];
}

export function edocHeaderFromRegister(fields: OutgoingDocumentFields): EdocPackageInput['header'] {
  const places =
    typeof fields.toPlaces === 'string' ? fields.toPlaces.split(/\r?\n/) : (fields.toPlaces ?? []);
  return {
    from: fields.from,
    to: fields.to,
    code: { codeNumber: fields.codeNumber, codeNotation: fields.codeNotation },
    promulgationInfo: { place: fields.place, promulgationDate: fields.issuedDate },
    documentType: {
      type: '1',
      typeName: fields.typeName ?? documentTypeName(fields.typeCode) ?? fields.typeCode,
    },
    subject: fields.subject,
    content: fields.content,
    signerInfo: fields.signerInfo ?? {},
    dueDate: fields.dueDate ?? undefined,
    toPlaces: places.map((p) => p.trim()).filter((p) => p.length > 0),
    otherInfo: {
      priority: priorityToEdxml(fields.priority),
      promulgationAmount: fields.issuedAmount ?? undefined,
      pageAmount: fields.pageAmount ?? undefined,
      appendixes: [],
    },
    responseFor: [],
  };
}

/** A received document in the registers' incoming field names (IncomingMetadata). */
export interface IncomingDocumentFields {
  /** undefined when TypeName is not an ND30 type: the clerk chooses */
  readonly typeCode?: string;
  readonly typeName: string;
  readonly codeNumber: string | null;
  readonly codeNotation: string | null;
  readonly issuedDate: string | null;
  readonly subject: string;
  /** the sender's code as written (it may not be a valid code: resolve it in the directory) */
  readonly organId: string | null;
  readonly organName: string | null;
  readonly signerPosition: string | null;
  readonly signerName: string | null;
  readonly priority: RegisterPriority;
  /** one place per line */
  readonly toPlaces: string | null;
  readonly dueDate: string | null;
  readonly pageAmount: number | null;
  readonly description: string | null;
  readonly documentIdentifier: string | null;
}

/**
 * The register fields of a received package. Number, notation and date come from Code and
 * PromulgationInfo, or from a standard DocumentId when those are empty (some hubs send only the id).
 */
export function registerFieldsFromEdoc(header: EdocMessageHeader): IncomingDocumentFields {
  const id = parseDocumentId(header.documentId);
  const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  return {
    typeCode: documentTypeCode(header.documentType.typeName),
    typeName: header.documentType.typeName,
    codeNumber: orNull(header.code.codeNumber) ?? orNull(id?.codeNumber),
    codeNotation: orNull(header.code.codeNotation) ?? orNull(id?.codeNotation),
    issuedDate: orNull(header.promulgationInfo.promulgationDate) ?? orNull(id?.date),
    subject: header.subject,
    organId: orNull(header.from.organId),
    organName: orNull(header.from.organName),
    signerPosition: orNull(header.signerInfo.position),
    signerName: orNull(header.signerInfo.fullName),
    priority: priorityFromEdxml(header.otherInfo.priority),
    toPlaces: header.toPlaces.length > 0 ? header.toPlaces.join('\n') : null,
    dueDate: orNull(header.dueDate),
    pageAmount: header.otherInfo.pageAmount ?? null,
    description: orNull(header.content),
    documentIdentifier: orNull(header.documentId),
  };
}

/** A received status in the names the registers keep for a delivery's statuses (delivery_status). */
export interface DeliveryStatusFields {
  readonly code: StatusCode;
  readonly description: string | null;
  readonly staffName: string | null;
  /** the status's own timestamp; statuses of one batch often share it, so never order by it */
  readonly at: Date | null;
}

export function deliveryStatusFromStatus(status: StatusMessage): DeliveryStatusFields {
  return {
    code: status.statusCode,
    description: status.description ?? null,
    staffName: status.staffInfo?.staff ?? null,
    at: status.timestamp ? new Date(status.timestamp) : null,
  };
}
