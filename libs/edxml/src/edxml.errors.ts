import { errorFactory } from '@vanthu/shared';

/**
 * Input errors of the edXML layer: a package that cannot be read at all, or input the strict builder
 * refuses. Signatures that fail are not errors; they are verdicts with reason codes
 * (signature/envelope-reasons.ts). `details` name the field, line and column; never key material.
 */
const EDXML_ERRORS = {
  EDXML_NOT_WELL_FORMED: {
    status: 400,
    message: 'Gói tin edXML không phải là tài liệu XML hợp lệ (sai cú pháp XML).',
  },
  EDXML_TOO_LARGE: {
    status: 413,
    message: 'Gói tin edXML vượt quá giới hạn cho phép (kích thước, độ sâu hoặc số phần tử).',
  },
  EDXML_DTD_FORBIDDEN: {
    status: 400,
    message: 'Gói tin edXML chứa khai báo DOCTYPE/thực thể; không chấp nhận vì lý do an toàn.',
  },
  EDXML_ENCODING_UNSUPPORTED: {
    status: 400,
    message: 'Gói tin edXML phải được mã hóa UTF-8.',
  },
  EDXML_NOT_EDXML: {
    status: 422,
    message:
      'Tài liệu XML không phải là gói tin edXML (thiếu edXMLEnvelope, edXMLHeader hoặc MessageHeader).',
  },
  EDXML_ATTACHMENT_CORRUPT: {
    status: 422,
    message: 'Tệp đính kèm trong gói tin edXML bị hỏng hoặc không đúng định dạng đã khai báo.',
  },
  EDXML_ATTACHMENT_TOO_LARGE: {
    status: 413,
    message: 'Tệp đính kèm trong gói tin edXML (hoặc tệp nén bên trong) vượt quá giới hạn cho phép.',
  },
  EDXML_INVALID_INPUT: {
    status: 400,
    message: 'Dữ liệu để lập gói tin edXML không hợp lệ.',
  },
  EDXML_SOURCE_UNREADABLE: {
    status: 400,
    message: 'Không đọc được tệp đính kèm để lập gói tin edXML.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type EdxmlErrorCode = keyof typeof EDXML_ERRORS;

export const EDXML_ERROR_CODES = Object.keys(EDXML_ERRORS) as EdxmlErrorCode[];

/** Builds the AppException for one of the codes above; `details` must never hold secrets. */
export const edxmlError = errorFactory(EDXML_ERRORS);
