/** One line of the incoming register (sổ đăng ký văn bản đến, ND30 Phụ lục IV). Dates are `YYYY-MM-DD`. */
export interface IncomingRegisterRow {
  /** Ngày đến. */
  arrivalDate: string;
  /** Số đến, printed with a leading zero below 10. */
  arrivalNumber: number;
  /** Tác giả. */
  sender: string;
  /** Số, ký hiệu, e.g. `12/QĐ-UBND`. */
  numberNotation: string;
  /** Ngày tháng of the document. */
  documentDate: string | null;
  /** Tên loại và trích yếu nội dung. */
  typeAndSubject: string;
  /** Đơn vị hoặc người nhận. */
  recipients: string;
  /** Ngày chuyển. */
  transferDate: string | null;
  /** Ký nhận (the name, as text). */
  receivedBy: string;
  /** Ghi chú. */
  note: string;
  /** Thời hạn giải quyết (follow-up register). */
  dueDate?: string | null;
  /** Tiến độ giải quyết (follow-up register). */
  progress?: string;
  /** Số, ký hiệu of the reply that closed it (follow-up register). */
  replyNotation?: string;
}

/** One line of the outgoing register (sổ đăng ký văn bản đi, ND30 Phụ lục IV). */
export interface OutgoingRegisterRow {
  numberNotation: string;
  documentDate: string;
  typeAndSubject: string;
  signer: string;
  /** Nơi nhận văn bản. */
  recipients: string;
  /** Đơn vị, người nhận bản lưu. */
  keptBy: string;
  /** Số lượng bản. */
  copies: number | null;
  transferDate: string | null;
  receivedBy: string;
  note: string;
}

export type RegisterPrintSpec =
  | {
      kind: 'incoming';
      agencyName: string;
      registerName: string;
      year: number;
      /** Prints the follow-up columns (thời hạn, tiến độ, văn bản trả lời) instead of ngày chuyển, ký nhận. */
      followUp?: boolean;
      rows: IncomingRegisterRow[];
    }
  | { kind: 'outgoing'; agencyName: string; registerName: string; year: number; rows: OutgoingRegisterRow[] };

/** A document of a case file (hồ sơ); `date` is the document's date, or its arrival date. */
export interface CaseFileDocument {
  date: string;
  direction: 'incoming' | 'outgoing';
  numberNotation: string;
  typeName: string;
  subject: string;
  issuer: string;
  signer: string;
  documentIdentifier: string | null;
  pageAmount: number | null;
}

export interface CaseFileSpec {
  agencyName: string;
  /** Số, ký hiệu of the file (FileNotation). */
  code: string;
  title: string;
  year: number;
  /** The person who keeps the file (người lập hồ sơ). */
  keeper: string;
  documents: CaseFileDocument[];
}
