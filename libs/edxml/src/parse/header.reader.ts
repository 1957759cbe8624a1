import type { Element } from '@xmldom/xmldom';
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
import { composeDocumentId, parseDocumentId } from '../values/document-id';
import type { LenientReader } from './lenient-reader';

export function readOrganization(r: LenientReader, el: Element | undefined, path: string): EdxmlOrganization {
  return {
    organId: r.organId(el, `${path}/OrganId`),
    organName: r.required(el, 'OrganName', `${path}/OrganName`),
    organizationInCharge: r.text(el, 'OrganizationInCharge', `${path}/OrganizationInCharge`),
    organAdd: r.text(el, 'OrganAdd', `${path}/OrganAdd`),
    email: r.text(el, 'Email', `${path}/Email`),
    telephone: r.text(el, 'Telephone', `${path}/Telephone`),
    fax: r.text(el, 'Fax', `${path}/Fax`),
    website: r.text(el, 'Website', `${path}/Website`),
  };
}

export function readResponseFor(r: LenientReader, el: Element, path: string): ResponseFor | undefined {
  const documentId = r.text(el, 'DocumentId', `${path}/DocumentId`);
  const organId = r.text(el, 'OrganId', `${path}/OrganId`);
  // real packages carry an empty ResponseFor (<ResponseFor/>, or every child empty): nothing to answer
  if (documentId === undefined && organId === undefined) return undefined;
  if (documentId !== undefined && !parseDocumentId(documentId))
    r.note('DOCUMENT_ID_NONSTANDARD', `${path}/DocumentId`, documentId);
  return {
    organId: organId ?? '',
    code: r.text(el, 'Code', `${path}/Code`),
    promulgationDate: r.date(el, 'PromulgationDate', `${path}/PromulgationDate`),
    documentId: documentId ?? '',
  };
}

export function readStaffInfo(r: LenientReader, parent: Element, path: string): StaffInfo | undefined {
  const el = r.element(parent, 'StaffInfo', path);
  if (!el) return undefined;
  return {
    department: r.text(el, 'Department', `${path}/Department`),
    staff: r.text(el, 'Staff', `${path}/Staff`),
    mobile: r.text(el, 'Mobile', `${path}/Mobile`),
    email: r.text(el, 'Email', `${path}/Email`),
  };
}

export function readEdocMessageHeader(r: LenientReader, h: Element): EdocMessageHeader {
  const p = 'MessageHeader';
  const from = readOrganization(r, r.element(h, 'From', `${p}/From`), `${p}/From`);
  const to = r.elements(h, 'To').map((el, i) => readOrganization(r, el, `${p}/To[${i + 1}]`));
  if (to.length === 0) r.note('MISSING_ELEMENT', `${p}/To`);
  const code = r.element(h, 'Code', `${p}/Code`);
  const codeNumber = r.required(code, 'CodeNumber', `${p}/Code/CodeNumber`);
  const codeNotation = r.required(code, 'CodeNotation', `${p}/Code/CodeNotation`);
  const promulgation = r.element(h, 'PromulgationInfo', `${p}/PromulgationInfo`);
  const promulgationDate = r.date(promulgation, 'PromulgationDate', `${p}/PromulgationInfo/PromulgationDate`);
  if (promulgationDate === undefined) r.note('MISSING_ELEMENT', `${p}/PromulgationInfo/PromulgationDate`);
  let documentId = r.text(h, 'DocumentId', `${p}/DocumentId`);
  if (documentId === undefined) {
    r.note('DOCUMENT_ID_MISSING', `${p}/DocumentId`);
    documentId = promulgationDate
      ? composeDocumentId(from.organId, promulgationDate, codeNumber, codeNotation)
      : '';
  } else if (!parseDocumentId(documentId)) r.note('DOCUMENT_ID_NONSTANDARD', `${p}/DocumentId`, documentId);
  const type = r.element(h, 'DocumentType', `${p}/DocumentType`);
  const signer = r.element(h, 'SignerInfo', `${p}/SignerInfo`);
  const other = r.element(h, 'OtherInfo', `${p}/OtherInfo`);
  const toPlaces = r.element(h, 'ToPlaces', `${p}/ToPlaces`);
  const appendixes = other && r.element(other, 'Appendixes', `${p}/OtherInfo/Appendixes`);
  return {
    from,
    to,
    documentId,
    code: { codeNumber, codeNotation },
    promulgationInfo: {
      place: r.text(promulgation, 'Place', `${p}/PromulgationInfo/Place`),
      promulgationDate: promulgationDate ?? '',
    },
    documentType: {
      type: r.required(type, 'Type', `${p}/DocumentType/Type`),
      typeDetail: r.text(type, 'TypeDetail', `${p}/DocumentType/TypeDetail`),
      typeName: r.required(type, 'TypeName', `${p}/DocumentType/TypeName`),
    },
    subject: r.required(h, 'Subject', `${p}/Subject`),
    content: r.text(h, 'Content', `${p}/Content`),
    signerInfo: {
      competence: r.text(signer, 'Competence', `${p}/SignerInfo/Competence`),
      position: r.text(signer, 'Position', `${p}/SignerInfo/Position`),
      fullName: r.text(signer, 'FullName', `${p}/SignerInfo/FullName`),
    },
    dueDate: r.date(h, 'DueDate', `${p}/DueDate`),
    toPlaces: texts(r, toPlaces, 'Place', `${p}/ToPlaces/Place`),
    otherInfo: {
      priority: priority(r, other, `${p}/OtherInfo/Priority`),
      sphereOfPromulgation: r.text(other, 'SphereOfPromulgation', `${p}/OtherInfo/SphereOfPromulgation`),
      typerNotation: r.text(other, 'TyperNotation', `${p}/OtherInfo/TyperNotation`),
      promulgationAmount: r.integer(other, 'PromulgationAmount', `${p}/OtherInfo/PromulgationAmount`),
      pageAmount: r.integer(other, 'PageAmount', `${p}/OtherInfo/PageAmount`),
      appendixes: texts(r, appendixes, 'Appendix', `${p}/OtherInfo/Appendixes/Appendix`),
    },
    steeringType: r.text(h, 'SteeringType', `${p}/SteeringType`),
    responseFor: r
      .elements(h, 'ResponseFor')
      .map((el, i) => readResponseFor(r, el, `${p}/ResponseFor[${i + 1}]`))
      .filter((x): x is ResponseFor => x !== undefined),
  };
}

function texts(r: LenientReader, parent: Element | undefined, name: string, path: string): string[] {
  if (!parent) return [];
  return r
    .elements(parent, name)
    .map((el) => r.textOf(el, path))
    .filter((t): t is string => t !== undefined);
}

function priority(r: LenientReader, other: Element | undefined, path: string): EdxmlPriority {
  const raw = r.text(other, 'Priority', path);
  if (raw === undefined) return 0;
  if (/^[0-4]$/.test(raw)) return Number(raw) as EdxmlPriority;
  r.note('PRIORITY_INVALID', path, raw);
  return 0;
}

export function readTraceHeaderList(r: LenientReader, header: Element): TraceHeaderList {
  const p = 'TraceHeaderList';
  const list = r.element(header, 'TraceHeaderList', p);
  if (!list) return { traceHeaders: [] };
  const traceHeaders = r.elements(list, 'TraceHeader').map((el, i) => ({
    organId: r.organId(el, `${p}/TraceHeader[${i + 1}]/OrganId`),
    timestamp: r.timestamp(el, 'Timestamp', `${p}/TraceHeader[${i + 1}]/Timestamp`) ?? '',
  }));
  const b = r.element(list, ['Bussiness', 'Business'], `${p}/Bussiness`);
  return { traceHeaders, bussiness: b && readBussiness(r, b, `${p}/Bussiness`) };
}

function readBussiness(r: LenientReader, b: Element, p: string): Bussiness {
  const rawType = r.text(b, ['BussinessDocType', 'BusinessDocType'], `${p}/BussinessDocType`);
  let bussinessDocType: BussinessDocType = 0;
  if (rawType !== undefined && /^[0-3]$/.test(rawType))
    bussinessDocType = Number(rawType) as BussinessDocType;
  else if (rawType !== undefined) r.note('BUSSINESS_DOC_TYPE_INVALID', `${p}/BussinessDocType`, rawType);
  const info = r.element(b, ['BussinessDocumentInfo', 'BusinessDocumentInfo'], `${p}/BussinessDocumentInfo`);
  const receivers = info && r.element(info, 'ReceiverList', `${p}/BussinessDocumentInfo/ReceiverList`);
  const replacements = r.element(b, 'ReplacementInfoList', `${p}/ReplacementInfoList`);
  return {
    bussinessDocType,
    bussinessDocReason: r.text(b, ['BussinessDocReason', 'BusinessDocReason'], `${p}/BussinessDocReason`),
    bussinessDocumentInfo: info && {
      documentInfo: r.text(info, 'DocumentInfo', `${p}/BussinessDocumentInfo/DocumentInfo`),
      documentReceiver: r.text(info, 'DocumentReceiver', `${p}/BussinessDocumentInfo/DocumentReceiver`),
      receivers: receivers
        ? r.elements(receivers, 'Receiver').map((el, i) => ({
            receiverType: r.required(
              el,
              'ReceiverType',
              `${p}/BussinessDocumentInfo/ReceiverList/Receiver[${i + 1}]`,
            ),
            organId: r.organId(el, `${p}/BussinessDocumentInfo/ReceiverList/Receiver[${i + 1}]/OrganId`),
          }))
        : [],
    },
    documentId: r.text(b, 'DocumentId', `${p}/DocumentId`),
    staffInfo: readStaffInfo(r, b, `${p}/StaffInfo`),
    paper: r.integer(b, 'Paper', `${p}/Paper`),
    replacementInfoList: replacements
      ? r.elements(replacements, 'ReplacementInfo').map((el, i) => {
          const ids = r.element(
            el,
            'OrganIdList',
            `${p}/ReplacementInfoList/ReplacementInfo[${i + 1}]/OrganIdList`,
          );
          return {
            documentId: r.required(
              el,
              'DocumentId',
              `${p}/ReplacementInfoList/ReplacementInfo[${i + 1}]/DocumentId`,
            ),
            organIds: texts(
              r,
              ids,
              'OrganId',
              `${p}/ReplacementInfoList/ReplacementInfo[${i + 1}]/OrganIdList/OrganId`,
            ),
          };
        })
      : [],
  };
}
