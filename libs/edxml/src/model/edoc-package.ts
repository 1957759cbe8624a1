/*
 * The package-side model of an edoc package (QCVN 102:2016, domain.md §4). Field names follow the
 * standard's element names in camelCase. Dates are `YYYY-MM-DD`; timestamps are ISO 8601 with the
 * Vietnam offset (`2025-03-14T08:30:00+07:00`); the builder writes both in the standard's
 * `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss` forms. Optional text that is absent is `undefined`: the
 * builder still writes the element, empty, so every package has the same shape.
 */

/** From, To and the parties named elsewhere. `organId` is kept as written (it may not be a valid code). */
export interface EdxmlOrganization {
  readonly organId: string;
  readonly organName: string;
  readonly organizationInCharge?: string;
  readonly organAdd?: string;
  readonly email?: string;
  readonly telephone?: string;
  readonly fax?: string;
  readonly website?: string;
}

export interface DocumentCode {
  /** số: digits, below 10 with a leading zero (ND30) */
  readonly codeNumber: string;
  /** ký hiệu: `QĐ-UBND`, `UBND-VP` */
  readonly codeNotation: string;
}

export interface PromulgationInfo {
  readonly place?: string;
  /** ngày ban hành, `YYYY-MM-DD` */
  readonly promulgationDate: string;
}

export interface DocumentTypeInfo {
  /** the standard's Type (1 in every package seen so far) */
  readonly type: string;
  readonly typeDetail?: string;
  /** `Quyết định`, `Công văn`… */
  readonly typeName: string;
}

export interface SignerInfo {
  readonly competence?: string;
  readonly position?: string;
  readonly fullName?: string;
}

/** Độ khẩn in the standard's numbers: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ. */
export type EdxmlPriority = 0 | 1 | 2 | 3 | 4;

export interface OtherInfo {
  readonly priority: EdxmlPriority;
  readonly sphereOfPromulgation?: string;
  readonly typerNotation?: string;
  readonly promulgationAmount?: number;
  readonly pageAmount?: number;
  readonly appendixes: readonly string[];
}

/** The document a package or status answers. `code` is `number/notation` in one string. */
export interface ResponseFor {
  readonly organId: string;
  readonly code?: string;
  readonly promulgationDate?: string;
  readonly documentId: string;
}

export interface EdocMessageHeader {
  readonly from: EdxmlOrganization;
  readonly to: readonly EdxmlOrganization[];
  /** `<OrganId>,<yyyy/MM/dd>,<number>/<notation>`; the builder derives it from From, date and Code */
  readonly documentId: string;
  readonly code: DocumentCode;
  readonly promulgationInfo: PromulgationInfo;
  readonly documentType: DocumentTypeInfo;
  /** trích yếu */
  readonly subject: string;
  readonly content?: string;
  readonly signerInfo: SignerInfo;
  /** hạn xử lý, `YYYY-MM-DD` */
  readonly dueDate?: string;
  /** nơi nhận as printed on the document */
  readonly toPlaces: readonly string[];
  readonly otherInfo: OtherInfo;
  readonly steeringType?: string;
  readonly responseFor: readonly ResponseFor[];
}

/** An agency the package passed through, and when. */
export interface TraceHeader {
  readonly organId: string;
  readonly timestamp: string;
}

export interface StaffInfo {
  readonly department?: string;
  readonly staff?: string;
  readonly mobile?: string;
  readonly email?: string;
}

/** 0 new, 1 revoke (thu hồi), 2 update (cập nhật), 3 replace (thay thế). */
export type BussinessDocType = 0 | 1 | 2 | 3;

export interface ReplacementInfo {
  /** the document that is replaced */
  readonly documentId: string;
  readonly organIds: readonly string[];
}

export interface BussinessReceiver {
  readonly receiverType: string;
  readonly organId: string;
}

export interface BussinessDocumentInfo {
  readonly documentInfo?: string;
  readonly documentReceiver?: string;
  readonly receivers: readonly BussinessReceiver[];
}

/** The standard spells it "Bussiness"; we keep its spelling in the element names. */
export interface Bussiness {
  readonly bussinessDocType: BussinessDocType;
  readonly bussinessDocReason?: string;
  readonly bussinessDocumentInfo?: BussinessDocumentInfo;
  /** the document the business action is about (for 1, 2, 3: the earlier one) */
  readonly documentId?: string;
  readonly staffInfo?: StaffInfo;
  /** 1 when a paper original also travels */
  readonly paper?: number;
  readonly replacementInfoList: readonly ReplacementInfo[];
}

export interface TraceHeaderList {
  readonly traceHeaders: readonly TraceHeader[];
  readonly bussiness?: Bussiness;
}

/** What the manifest and the Attachment element say about one attachment. */
export interface AttachmentDescription {
  /** `cid:…`; the builder numbers them `cid:1`, `cid:2`… when not given */
  readonly contentId: string;
  readonly attachmentName: string;
  readonly contentType: string;
  readonly description?: string;
}
