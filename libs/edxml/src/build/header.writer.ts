import type {
  AttachmentDescription,
  Bussiness,
  EdocMessageHeader,
  EdxmlOrganization,
  ResponseFor,
  StaffInfo,
  TraceHeaderList,
} from '../model/edoc-package';
import type { StatusMessage } from '../model/status-package';
import { formatEdxmlDate, formatEdxmlTimestamp } from '../values/edxml-date';
import type { CanonicalXmlWriter } from './canonical-xml';

/*
 * The fixed element order of what we emit (domain.md §4; the parser accepts any order). Every
 * element of the shape is written, empty when the value is absent; lists are written as their items.
 */

type Write = (w: CanonicalXmlWriter, depth: number) => void;

/** `<name>` with children, or `<name></name>` when there are none */
function container(w: CanonicalXmlWriter, name: string, depth: number, children: readonly Write[]): void {
  if (children.length === 0) {
    w.leaf(name, depth, undefined);
    return;
  }
  w.open(name, depth);
  for (const child of children) child(w, depth + 1);
  w.close(name, depth);
}

const date = (d: string | undefined) => (d === undefined ? undefined : formatEdxmlDate(d));

function organization(name: string, o: EdxmlOrganization): Write {
  return (w, depth) =>
    container(w, name, depth, [
      (w, d) => w.leaf('OrganId', d, o.organId),
      (w, d) => w.leaf('OrganizationInCharge', d, o.organizationInCharge),
      (w, d) => w.leaf('OrganName', d, o.organName),
      (w, d) => w.leaf('OrganAdd', d, o.organAdd),
      (w, d) => w.leaf('Email', d, o.email),
      (w, d) => w.leaf('Telephone', d, o.telephone),
      (w, d) => w.leaf('Fax', d, o.fax),
      (w, d) => w.leaf('Website', d, o.website),
    ]);
}

function responseFor(r: ResponseFor): Write {
  return (w, depth) =>
    container(w, 'ResponseFor', depth, [
      (w, d) => w.leaf('OrganId', d, r.organId),
      (w, d) => w.leaf('Code', d, r.code),
      (w, d) => w.leaf('PromulgationDate', d, date(r.promulgationDate)),
      (w, d) => w.leaf('DocumentId', d, r.documentId),
    ]);
}

function staffInfo(s: StaffInfo): Write {
  return (w, depth) =>
    container(w, 'StaffInfo', depth, [
      (w, d) => w.leaf('Department', d, s.department),
      (w, d) => w.leaf('Staff', d, s.staff),
      (w, d) => w.leaf('Mobile', d, s.mobile),
      (w, d) => w.leaf('Email', d, s.email),
    ]);
}

export function writeEdocMessageHeader(w: CanonicalXmlWriter, h: EdocMessageHeader, depth: number): void {
  const o = h.otherInfo;
  container(w, 'MessageHeader', depth, [
    organization('From', h.from),
    ...h.to.map((t) => organization('To', t)),
    (w, d) => w.leaf('DocumentId', d, h.documentId),
    (w, d) =>
      container(w, 'Code', d, [
        (w, d) => w.leaf('CodeNumber', d, h.code.codeNumber),
        (w, d) => w.leaf('CodeNotation', d, h.code.codeNotation),
      ]),
    (w, d) =>
      container(w, 'PromulgationInfo', d, [
        (w, d) => w.leaf('Place', d, h.promulgationInfo.place),
        (w, d) => w.leaf('PromulgationDate', d, date(h.promulgationInfo.promulgationDate)),
      ]),
    (w, d) =>
      container(w, 'DocumentType', d, [
        (w, d) => w.leaf('Type', d, h.documentType.type),
        (w, d) => w.leaf('TypeDetail', d, h.documentType.typeDetail),
        (w, d) => w.leaf('TypeName', d, h.documentType.typeName),
      ]),
    (w, d) => w.leaf('Subject', d, h.subject),
    (w, d) => w.leaf('Content', d, h.content),
    (w, d) =>
      container(w, 'SignerInfo', d, [
        (w, d) => w.leaf('Competence', d, h.signerInfo.competence),
        (w, d) => w.leaf('Position', d, h.signerInfo.position),
        (w, d) => w.leaf('FullName', d, h.signerInfo.fullName),
      ]),
    (w, d) => w.leaf('DueDate', d, date(h.dueDate)),
    (w, d) =>
      container(
        w,
        'ToPlaces',
        d,
        h.toPlaces.map((p) => (w, d) => w.leaf('Place', d, p)),
      ),
    (w, d) =>
      container(w, 'OtherInfo', d, [
        (w, d) => w.leaf('Priority', d, o.priority),
        (w, d) => w.leaf('SphereOfPromulgation', d, o.sphereOfPromulgation),
        (w, d) => w.leaf('TyperNotation', d, o.typerNotation),
        (w, d) => w.leaf('PromulgationAmount', d, o.promulgationAmount),
        (w, d) => w.leaf('PageAmount', d, o.pageAmount),
        (w, d) =>
          container(
            w,
            'Appendixes',
            d,
            o.appendixes.map((a) => (w, d) => w.leaf('Appendix', d, a)),
          ),
      ]),
    (w, d) => w.leaf('SteeringType', d, h.steeringType),
    ...h.responseFor.map(responseFor),
  ]);
}

export function writeTraceHeaderList(w: CanonicalXmlWriter, t: TraceHeaderList, depth: number): void {
  container(w, 'TraceHeaderList', depth, [
    ...t.traceHeaders.map(
      (th): Write =>
        (w, d) =>
          container(w, 'TraceHeader', d, [
            (w, d) => w.leaf('OrganId', d, th.organId),
            (w, d) => w.leaf('Timestamp', d, formatEdxmlTimestamp(th.timestamp)),
          ]),
    ),
    ...(t.bussiness ? [bussiness(t.bussiness)] : []),
  ]);
}

function bussiness(b: Bussiness): Write {
  const info = b.bussinessDocumentInfo;
  return (w, depth) =>
    container(w, 'Bussiness', depth, [
      (w, d) => w.leaf('BussinessDocType', d, b.bussinessDocType),
      (w, d) => w.leaf('BussinessDocReason', d, b.bussinessDocReason),
      ...(info
        ? [
            (w: CanonicalXmlWriter, d: number) =>
              container(w, 'BussinessDocumentInfo', d, [
                (w, d) => w.leaf('DocumentInfo', d, info.documentInfo),
                (w, d) => w.leaf('DocumentReceiver', d, info.documentReceiver),
                (w, d) =>
                  container(
                    w,
                    'ReceiverList',
                    d,
                    info.receivers.map(
                      (r) => (w, d) =>
                        container(w, 'Receiver', d, [
                          (w, d) => w.leaf('ReceiverType', d, r.receiverType),
                          (w, d) => w.leaf('OrganId', d, r.organId),
                        ]),
                    ),
                  ),
              ]),
          ]
        : []),
      (w, d) => w.leaf('DocumentId', d, b.documentId),
      ...(b.staffInfo ? [staffInfo(b.staffInfo)] : []),
      (w, d) => w.leaf('Paper', d, b.paper),
      ...(b.replacementInfoList.length > 0
        ? [
            (w: CanonicalXmlWriter, d: number) =>
              container(
                w,
                'ReplacementInfoList',
                d,
                b.replacementInfoList.map(
                  (r) => (w, d) =>
                    container(w, 'ReplacementInfo', d, [
                      (w, d) => w.leaf('DocumentId', d, r.documentId),
                      (w, d) =>
                        container(
                          w,
                          'OrganIdList',
                          d,
                          r.organIds.map((id) => (w, d) => w.leaf('OrganId', d, id)),
                        ),
                    ]),
                ),
              ),
          ]
        : []),
    ]);
}

export function writeManifest(
  w: CanonicalXmlWriter,
  items: readonly AttachmentDescription[],
  depth: number,
): void {
  container(w, 'edXMLBody', depth, [
    (w, d) => {
      if (items.length === 0) {
        w.leaf('edXMLManifest', d, undefined, [['version', '1.0']]);
        return;
      }
      w.open('edXMLManifest', d, [['version', '1.0']]);
      for (const a of items)
        container(w, 'Reference', d + 1, [
          (w, d) => w.leaf('ContentId', d, a.contentId),
          (w, d) => w.leaf('AttachmentName', d, a.attachmentName),
          (w, d) => w.leaf('Description', d, a.description),
          (w, d) => w.leaf('ContentType', d, a.contentType),
        ]);
      w.close('edXMLManifest', d);
    },
  ]);
}

/** The Attachment element up to the opening ContentTransferEncoded tag (the base64 streams after it). */
export function writeAttachmentHead(w: CanonicalXmlWriter, a: AttachmentDescription, depth: number): void {
  w.open('Attachment', depth)
    .leaf('ContentId', depth + 1, a.contentId)
    .leaf('AttachmentName', depth + 1, a.attachmentName)
    .leaf('Description', depth + 1, a.description)
    .leaf('ContentType', depth + 1, a.contentType)
    .open('ContentTransferEncoded', depth + 1);
}

export function writeStatusMessageHeader(w: CanonicalXmlWriter, s: StatusMessage, depth: number): void {
  container(w, 'MessageHeader', depth, [
    responseFor(s.responseFor),
    organization('From', s.from),
    (w, d) => w.leaf('StatusCode', d, s.statusCode),
    (w, d) => w.leaf('Description', d, s.description),
    (w, d) => w.leaf('Timestamp', d, formatEdxmlTimestamp(s.timestamp)),
    ...(s.staffInfo ? [staffInfo(s.staffInfo)] : []),
  ]);
}
