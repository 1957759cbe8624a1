/*
 * Packages as production hubs send them, one per quirk of issue 15 (facts from packages in the
 * wild, shaped like ../shared/fixtures/edxml/edoc_new.edxml): a default-namespace root with
 * `edXML:`-prefixed children, and whatever each quirk changes.
 */

export interface HubPackageParts {
  readonly fromId?: string;
  readonly toIds?: readonly string[];
  readonly documentId?: string;
  readonly promulgationDate?: string;
  readonly dueDate?: string;
  readonly extraHeader?: string;
  readonly traceHeaders?: readonly (readonly [organId: string, timestamp: string])[];
  readonly signature?: string;
  readonly attachments?: readonly { readonly name: string; readonly type: string; readonly base64: string }[];
}

const organ = (tag: string, id: string, name: string) => `        <edXML:${tag}>
          <edXML:OrganId>${id}</edXML:OrganId>
          <edXML:OrganizationInCharge>Tỉnh Đắk Lắk</edXML:OrganizationInCharge>
          <edXML:OrganName>${name}</edXML:OrganName>
          <edXML:OrganAdd/>
          <edXML:Email>vanthu@daklak.gov.vn</edXML:Email>
          <edXML:Telephone/>
          <edXML:Fax/>
          <edXML:Website/>
        </edXML:${tag}>`;

export function hubPackage(p: HubPackageParts = {}): string {
  const attachments = p.attachments ?? [];
  const traces = p.traceHeaders ?? [['000.00.00.G22', '2020/10/30 08:00:00']];
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
${organ('From', p.fromId ?? '000.00.12.H15', "Ủy ban nhân dân huyện Ea H'Leo")}
${(p.toIds ?? ['000.01.12.H15']).map((id) => organ('To', id, 'Ủy ban nhân dân xã Ea Drăng')).join('\n')}
        <edXML:DocumentId>${p.documentId ?? '000.00.12.H15,2020/10/30,35/UBND-VP'}</edXML:DocumentId>
        <edXML:Code>
          <edXML:CodeNumber>35</edXML:CodeNumber>
          <edXML:CodeNotation>UBND-VP</edXML:CodeNotation>
        </edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Ea H'Leo</edXML:Place>
          <edXML:PromulgationDate>${p.promulgationDate ?? '2020/10/30'}</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>1</edXML:Type>
          <edXML:TypeDetail>0</edXML:TypeDetail>
          <edXML:TypeName>Công văn</edXML:TypeName>
        </edXML:DocumentType>
        <edXML:Subject>Về việc triển khai phòng, chống thiên tai năm 2020</edXML:Subject>
        <edXML:Content/>
        <edXML:SignerInfo>
          <edXML:Competence>KT. CHỦ TỊCH</edXML:Competence>
          <edXML:Position>Phó Chủ tịch</edXML:Position>
          <edXML:FullName>Y Ngông Niê Kdăm</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>${p.dueDate ?? ''}</edXML:DueDate>
        <edXML:OtherInfo>
          <edXML:Priority>2</edXML:Priority>
          <edXML:PageAmount>2</edXML:PageAmount>
          <edXML:Appendixes><edXML:Appendix/></edXML:Appendixes>
        </edXML:OtherInfo>
        <edXML:SteeringType>1</edXML:SteeringType>
        <edXML:ResponseFor/>
${p.extraHeader ?? ''}      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
${traces
  .map(
    ([id, ts]) => `        <edXML:TraceHeader>
          <edXML:OrganId>${id}</edXML:OrganId>
          <edXML:Timestamp>${ts}</edXML:Timestamp>
        </edXML:TraceHeader>`,
  )
  .join('\n')}
        <edXML:Bussiness>
          <edXML:BussinessDocType>0</edXML:BussinessDocType>
          <edXML:BussinessDocReason>Văn bản điện tử mới</edXML:BussinessDocReason>
          <edXML:Paper>0</edXML:Paper>
        </edXML:Bussiness>
      </edXML:TraceHeaderList>
${p.signature ?? ''}
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
${attachments
  .map(
    (a, i) => `        <edXML:Reference>
          <edXML:ContentId>cid:${i + 1}</edXML:ContentId>
          <edXML:ContentType>${a.type}</edXML:ContentType>
          <edXML:AttachmentName>${a.name}</edXML:AttachmentName>
        </edXML:Reference>`,
  )
  .join('\n')}
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
${attachments
  .map(
    (a, i) => `    <Attachment>
      <ContentId>cid:${i + 1}</ContentId>
      <AttachmentName>${a.name}</AttachmentName>
      <ContentType>${a.type}</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">${a.base64}</edXML:ContentTransferEncoded>
    </Attachment>`,
  )
  .join('\n')}
  </AttachmentEncoded>
</edXML>
`;
}

/** The legacy signature real hubs copy from package to package: edXML namespace, RSA-SHA1, truncated certificate. */
export const EDXML_NAMESPACE_SIGNATURE = `      <Signature>
        <SignedInfo>
          <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315" />
          <SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#rsa-sha1" />
          <Reference URI=""><DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1" /><DigestValue>FwgIqsSYJshUS2+wlOM61L+q7Aw=</DigestValue></Reference>
        </SignedInfo>
        <SignatureValue>GbVb8n9+qFxz466Ag0sbpVdLPs2R0+9JBekp12UyarAZjoG0W/kPZZJ1auRZDcNc</SignatureValue>
        <KeyInfo><X509Data><X509SubjectName>CN=user05</X509SubjectName><X509Certificate>MIIFqTCCBJG</X509Certificate></X509Data></KeyInfo>
      </Signature>`;

/** The same copied placeholder, but in the XML-DSig namespace (as the nested package of the real sample has it). */
export const PLACEHOLDER_DSIG_SIGNATURE = EDXML_NAMESPACE_SIGNATURE.replace(
  '<Signature>',
  '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">',
);

/** A package whose binary PDF went through a text decoder: every non-UTF-8 sequence is now U+FFFD. */
export function mangle(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('utf8'), 'utf8');
}

export function statusPackage(
  code: string,
  fromId: string,
  responseOrganId: string,
  timestamp: string,
): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>${fromId}</edXML:OrganId>
          <edXML:OrganName>Cơ quan ${fromId}</edXML:OrganName>
        </edXML:From>
        <edXML:ResponseFor>
          <edXML:OrganId>${responseOrganId}</edXML:OrganId>
          <edXML:Code>35/UBND-VP</edXML:Code>
          <edXML:PromulgationDate>2020/10/30</edXML:PromulgationDate>
          <edXML:DocumentId>000.00.12.H15,2020/10/30,35/UBND-VP</edXML:DocumentId>
        </edXML:ResponseFor>
        <edXML:StatusCode>${code}</edXML:StatusCode>
        <edXML:Description>Trạng thái ${code}</edXML:Description>
        <edXML:Timestamp>${timestamp}</edXML:Timestamp>
      </edXML:MessageHeader>
    </edXML:edXMLHeader>
  </edXML:edXMLEnvelope>
</edXML>
`;
}
