import { errorFactory } from '@vanthu/shared';

/**
 * Stable codes of the exchange: the wire protocol answers them as `{code, message}` with the status
 * given here (4xx refusals are permanent: a sender never retries them), the API and the CLI reuse
 * them. Messages are Vietnamese and never carry key material or package bodies.
 */
const EXCHANGE_ERRORS = {
  EXCHANGE_DISABLED: { status: 503, message: 'Chức năng liên thông văn bản đang tắt trên hệ thống này.' },
  EXCHANGE_PEER_UNKNOWN: {
    status: 401,
    message: 'Hệ thống gửi không có trong danh sách hệ thống liên thông được tin cậy.',
  },
  EXCHANGE_REQUEST_SIGNATURE_INVALID: {
    status: 401,
    message: 'Chữ ký của yêu cầu liên thông không hợp lệ hoặc đã quá hạn (lệch giờ quá 5 phút).',
  },
  EXCHANGE_CONSIGNMENT_ID_INVALID: {
    status: 400,
    message: 'Mã gói tin (consignment id) phải là một UUID.',
  },
  EXCHANGE_BODY_MISMATCH: {
    status: 400,
    message: 'Nội dung gói tin nhận được khác với mã băm SHA-256 đã khai báo (gói tin bị cắt hoặc bị sửa).',
  },
  EXCHANGE_PACKAGE_TOO_LARGE: {
    status: 413,
    message: 'Gói tin liên thông vượt quá kích thước cho phép.',
  },
  EXCHANGE_BODY_TIMEOUT: {
    status: 408,
    message: 'Gửi nội dung gói tin quá chậm; yêu cầu đã bị hủy.',
  },
  EXCHANGE_BATCH_INVALID: {
    status: 400,
    message:
      'Yêu cầu gửi nhiều gói tin không đúng định dạng (danh sách gói tin, kích thước hoặc nội dung không khớp).',
  },
  EXCHANGE_BATCH_REFUSED: {
    status: 502,
    message:
      'Hệ thống nhận không nhận nhiều gói tin trong một yêu cầu; các gói tin được gửi lại từng gói một.',
  },
  CONSIGNMENT_CONFLICT: {
    status: 409,
    message: 'Mã gói tin này đã được dùng cho một gói tin có nội dung khác.',
  },
  EXCHANGE_REPLAY: {
    status: 409,
    message: 'Gói tin này đã được nhận trước đây với một mã gói tin khác (gửi lại gói tin cũ).',
  },
  EXCHANGE_SIGNATURE_INVALID: {
    status: 422,
    message: 'Chữ ký số của gói tin edXML không hợp lệ hoặc không được tin cậy.',
  },
  EXCHANGE_SENDER_NOT_AUTHORISED: {
    status: 403,
    message: 'Hệ thống ký gói tin không được phép gửi văn bản thay cho cơ quan ghi ở mục "From".',
  },
  EXCHANGE_UNKNOWN_RECIPIENT: {
    status: 422,
    message: 'Hệ thống này không phục vụ cơ quan nhận của gói tin và không có tuyến chuyển tiếp.',
  },
  EXCHANGE_STATUS_NOT_APPLICABLE: {
    status: 422,
    message: 'Trạng thái này không ứng với văn bản nào đã gửi tới cơ quan báo trạng thái.',
  },
  EXCHANGE_NOT_FOUND: { status: 404, message: 'Không tìm thấy gói tin.' },
  EXCHANGE_RECEIPT_INVALID: {
    status: 422,
    message: 'Biên nhận không hợp lệ (sai chữ ký, sai mã gói tin hoặc sai mã băm).',
  },
  EXCHANGE_NO_ROUTE: {
    status: 422,
    message: 'Không có tuyến liên thông tới cơ quan nhận (chưa cấu hình hệ thống nhận hoặc trục liên thông).',
  },
  EXCHANGE_IDENTITY_MISSING: {
    status: 503,
    message:
      'Hệ thống chưa có chứng thư liên thông (exchange identity). Nhập bằng "vanthu exchange identity import".',
  },
  EXCHANGE_IDENTITY_INVALID: {
    status: 400,
    message: 'Tệp .p12 của định danh liên thông không dùng được (sai mật khẩu, thiếu khóa hoặc chứng thư).',
  },
  EXCHANGE_PEERS_FILE_INVALID: {
    status: 400,
    message: 'Tệp cấu hình hệ thống liên thông (peers file) không hợp lệ.',
  },
  EXCHANGE_DELIVERY_NOT_RESENDABLE: {
    status: 409,
    message: 'Chỉ gửi lại được văn bản gửi liên thông đã thất bại (quá hạn hoặc bị từ chối).',
  },
  EXCHANGE_DELIVERY_NOT_FOUND: { status: 404, message: 'Không tìm thấy lượt gửi văn bản.' },
  EXCHANGE_RECEIVER_UNAVAILABLE: {
    status: 503,
    message:
      'Hệ thống nhận tạm thời không lưu được gói tin (lỗi cơ sở dữ liệu hoặc lưu trữ); gói tin sẽ được gửi lại.',
  },
  EXCHANGE_PEER_UNAVAILABLE: {
    status: 503,
    message: 'Hệ thống nhận tạm thời không trả lời; gói tin sẽ được gửi lại.',
  },
  EXCHANGE_PEER_NOT_EXCHANGE: {
    status: 502,
    message:
      'Địa chỉ của hệ thống nhận không trả lời theo giao thức liên thông (trả về trang web hoặc biên nhận không hợp lệ thay cho biên nhận có chữ ký); cần kiểm tra địa chỉ và chứng thư của hệ thống nhận, sau đó gửi lại.',
  },
  EXCHANGE_ATTACHMENT_CORRUPT: {
    status: 422,
    message: 'Tệp văn bản trong gói tin bị hỏng hoặc không phải PDF đọc được.',
  },
  EXCHANGE_ATTACHMENT_NOT_ALLOWED: {
    status: 422,
    message:
      'Gói tin có tệp đính kèm thuộc loại không được nhận (tệp chương trình, tệp lệnh hoặc tài liệu có macro); đề nghị gửi lại không kèm tệp đó.',
  },
  EXCHANGE_DOCUMENT_SIGNATURE_INVALID: {
    status: 422,
    message: 'Chữ ký số trên tệp văn bản trong gói tin không hợp lệ (tệp đã bị sửa sau khi ký).',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ExchangeErrorCode = keyof typeof EXCHANGE_ERRORS;

export const EXCHANGE_ERROR_CODES = Object.keys(EXCHANGE_ERRORS) as ExchangeErrorCode[];

export const exchangeError = errorFactory(EXCHANGE_ERRORS);

/** The Vietnamese message of a code (status packages carry it to the sender). */
export function exchangeErrorMessage(code: ExchangeErrorCode): string {
  return EXCHANGE_ERRORS[code].message;
}
