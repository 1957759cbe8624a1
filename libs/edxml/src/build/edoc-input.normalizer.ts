import type {
  Bussiness,
  BussinessDocType,
  EdocMessageHeader,
  EdxmlOrganization,
  EdxmlPriority,
  ResponseFor,
  StaffInfo,
  TraceHeaderList,
} from '../model/edoc-package';
import { composeDocumentId } from '../values/document-id';
import {
  agencyCode,
  CONTENT_ID,
  CONTENT_TYPE,
  date,
  foreignIdentifier,
  integer,
  invalid,
  requiredText,
  text,
  timestamp,
} from './input-rules';
import type { AttachmentInput, EdocPackageInput } from './package-input';

export interface NormalizedAttachment extends Required<Omit<AttachmentInput, 'description'>> {
  readonly description?: string;
}

export interface NormalizedEdoc {
  readonly header: EdocMessageHeader;
  readonly traceHeaderList: TraceHeaderList;
  readonly attachments: readonly NormalizedAttachment[];
}

const LIST_MAX = 500;

/**
 * The strict builder's rules for an edoc package: required fields, the ND30 maxima, real agency
 * codes for sender and recipients, real dates, a number and notation that cannot break the
 * DocumentId. Returns the values exactly as they will be written (NFC, trimmed).
 */
export function normalizeEdocInput(input: EdocPackageInput): NormalizedEdoc {
  const h = input.header;
  if (!h) invalid('header', 'required');
  const from = organization('from', h.from, true);
  if (!Array.isArray(h.to) || h.to.length === 0) invalid('to', 'at-least-one-recipient');
  if (h.to.length > LIST_MAX) invalid('to', `at-most-${LIST_MAX}`);
  const to = h.to.map((o, i) => organization(`to[${i}]`, o, true));
  const codeNumber = requiredText('code.codeNumber', h.code?.codeNumber, { pattern: /^\d{1,11}$/ });
  const codeNotation = requiredText('code.codeNotation', h.code?.codeNotation, {
    max: 30,
    // a space, comma or slash would make the DocumentId ambiguous
    pattern: /^[^\s,/]+$/u,
  });
  const promulgationDate = date(
    'promulgationInfo.promulgationDate',
    h.promulgationInfo?.promulgationDate,
    true,
  )!;
  const documentId = composeDocumentId(from.organId, promulgationDate, codeNumber, codeNotation);
  if (h.documentId !== undefined && h.documentId !== documentId)
    invalid('documentId', `must-be ${documentId}`, h.documentId);
  const otherInfo = h.otherInfo ?? { priority: 0, appendixes: [] };
  const header: EdocMessageHeader = {
    from,
    to,
    documentId,
    code: { codeNumber, codeNotation },
    promulgationInfo: {
      place: text('promulgationInfo.place', h.promulgationInfo?.place, { max: 200, oneLine: true }),
      promulgationDate,
    },
    documentType: {
      type: requiredText('documentType.type', h.documentType?.type, { pattern: /^\d{1,3}$/ }),
      typeDetail: text('documentType.typeDetail', h.documentType?.typeDetail, { pattern: /^\d{1,5}$/ }),
      typeName: requiredText('documentType.typeName', h.documentType?.typeName, { max: 100, oneLine: true }),
    },
    subject: requiredText('subject', h.subject, { max: 500 }),
    content: text('content', h.content, { max: 20_000 }),
    signerInfo: {
      competence: text('signerInfo.competence', h.signerInfo?.competence, { max: 100, oneLine: true }),
      position: text('signerInfo.position', h.signerInfo?.position, { max: 100, oneLine: true }),
      fullName: text('signerInfo.fullName', h.signerInfo?.fullName, { max: 50, oneLine: true }),
    },
    dueDate: date('dueDate', h.dueDate),
    toPlaces: list('toPlaces', h.toPlaces ?? [], (p, f) => requiredText(f, p, { max: 1000 })),
    otherInfo: {
      priority: (integer('otherInfo.priority', otherInfo.priority ?? 0, 0, 4) ?? 0) as EdxmlPriority,
      sphereOfPromulgation: text('otherInfo.sphereOfPromulgation', otherInfo.sphereOfPromulgation, {
        max: 200,
        oneLine: true,
      }),
      typerNotation: text('otherInfo.typerNotation', otherInfo.typerNotation, { max: 30, oneLine: true }),
      promulgationAmount: integer('otherInfo.promulgationAmount', otherInfo.promulgationAmount, 0, 999),
      pageAmount: integer('otherInfo.pageAmount', otherInfo.pageAmount, 0, 999),
      appendixes: list('otherInfo.appendixes', otherInfo.appendixes ?? [], (a, f) =>
        requiredText(f, a, { max: 500 }),
      ),
    },
    steeringType: text('steeringType', h.steeringType, { pattern: /^\d{1,3}$/ }),
    responseFor: list('responseFor', h.responseFor ?? [], (r, f) => responseFor(f, r)),
  };
  return {
    header,
    traceHeaderList: traceHeaderList(input.traceHeaderList),
    attachments: attachments(input.attachments ?? []),
  };
}

export function organization(
  field: string,
  o: EdxmlOrganization | undefined,
  ours: boolean,
): EdxmlOrganization {
  if (!o) invalid(field, 'required');
  return {
    organId: ours
      ? agencyCode(`${field}.organId`, o.organId)
      : foreignIdentifier(`${field}.organId`, o.organId),
    organName: requiredText(`${field}.organName`, o.organName, { max: 200, oneLine: true }),
    organizationInCharge: text(`${field}.organizationInCharge`, o.organizationInCharge, {
      max: 200,
      oneLine: true,
    }),
    organAdd: text(`${field}.organAdd`, o.organAdd, { max: 300, oneLine: true }),
    email: text(`${field}.email`, o.email, { max: 100, pattern: /^\S+@\S+$/ }),
    telephone: text(`${field}.telephone`, o.telephone, { max: 50, oneLine: true }),
    fax: text(`${field}.fax`, o.fax, { max: 50, oneLine: true }),
    website: text(`${field}.website`, o.website, { max: 200, pattern: /^\S+$/ }),
  };
}

export function responseFor(field: string, r: ResponseFor | undefined): ResponseFor {
  if (!r) invalid(field, 'required');
  return {
    organId: foreignIdentifier(`${field}.organId`, r.organId),
    code: text(`${field}.code`, r.code, { max: 50, oneLine: true }),
    promulgationDate: date(`${field}.promulgationDate`, r.promulgationDate),
    documentId: foreignIdentifier(`${field}.documentId`, r.documentId, 200),
  };
}

export function staffInfo(field: string, s: StaffInfo | undefined): StaffInfo | undefined {
  if (!s) return undefined;
  return {
    department: text(`${field}.department`, s.department, { max: 200, oneLine: true }),
    staff: text(`${field}.staff`, s.staff, { max: 100, oneLine: true }),
    mobile: text(`${field}.mobile`, s.mobile, { max: 50, oneLine: true }),
    email: text(`${field}.email`, s.email, { max: 100, pattern: /^\S+@\S+$/ }),
  };
}

function traceHeaderList(t: TraceHeaderList | undefined): TraceHeaderList {
  const traceHeaders = list('traceHeaderList.traceHeaders', t?.traceHeaders ?? [], (th, f) => ({
    organId: foreignIdentifier(`${f}.organId`, th.organId),
    timestamp: timestamp(`${f}.timestamp`, th.timestamp),
  }));
  return { traceHeaders, bussiness: bussiness(t?.bussiness) };
}

function bussiness(b: Bussiness | undefined): Bussiness | undefined {
  if (!b) return undefined;
  const f = 'traceHeaderList.bussiness';
  const info = b.bussinessDocumentInfo;
  return {
    bussinessDocType: integer(`${f}.bussinessDocType`, b.bussinessDocType, 0, 3) as BussinessDocType,
    bussinessDocReason: text(`${f}.bussinessDocReason`, b.bussinessDocReason, { max: 500 }),
    bussinessDocumentInfo: info && {
      documentInfo: text(`${f}.bussinessDocumentInfo.documentInfo`, info.documentInfo, {
        pattern: /^\d{1,3}$/,
      }),
      documentReceiver: text(`${f}.bussinessDocumentInfo.documentReceiver`, info.documentReceiver, {
        pattern: /^\d{1,3}$/,
      }),
      receivers: list(`${f}.bussinessDocumentInfo.receivers`, info.receivers ?? [], (r, g) => ({
        receiverType: requiredText(`${g}.receiverType`, r.receiverType, { pattern: /^\d{1,3}$/ }),
        organId: foreignIdentifier(`${g}.organId`, r.organId),
      })),
    },
    documentId:
      b.documentId === undefined ? undefined : foreignIdentifier(`${f}.documentId`, b.documentId, 200),
    staffInfo: staffInfo(`${f}.staffInfo`, b.staffInfo),
    paper: integer(`${f}.paper`, b.paper, 0, 1),
    replacementInfoList: list(`${f}.replacementInfoList`, b.replacementInfoList ?? [], (r, g) => ({
      documentId: foreignIdentifier(`${g}.documentId`, r.documentId, 200),
      organIds: list(`${g}.organIds`, r.organIds ?? [], (id, h) => foreignIdentifier(h, id)),
    })),
  };
}

function attachments(list: readonly AttachmentInput[]): NormalizedAttachment[] {
  if (list.length > LIST_MAX) invalid('attachments', `at-most-${LIST_MAX}`);
  const seen = new Set<string>();
  return list.map((a, i) => {
    const f = `attachments[${i}]`;
    const contentId = requiredText(`${f}.contentId`, a.contentId ?? `cid:${i + 1}`, { pattern: CONTENT_ID });
    if (seen.has(contentId)) invalid(`${f}.contentId`, 'duplicate', contentId);
    seen.add(contentId);
    if (a.source === undefined || a.source === null) invalid(`${f}.source`, 'required');
    return {
      contentId,
      attachmentName: requiredText(`${f}.attachmentName`, a.attachmentName, { max: 255, oneLine: true }),
      contentType: requiredText(`${f}.contentType`, a.contentType, { pattern: CONTENT_TYPE }),
      description: text(`${f}.description`, a.description, { max: 500 }),
      source: a.source,
    };
  });
}

export function list<T, U>(field: string, values: readonly T[], map: (v: T, field: string) => U): U[] {
  if (!Array.isArray(values)) invalid(field, 'list');
  if (values.length > LIST_MAX) invalid(field, `at-most-${LIST_MAX}`);
  return values.map((v, i) => map(v, `${field}[${i}]`));
}
