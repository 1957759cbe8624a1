import type { EdxmlOrganization, ResponseFor, StaffInfo } from './edoc-package';

/** The business statuses of QĐ 28/2018 (domain.md §4), with what each means. */
export const STATUS_CODES = {
  '01': 'Đã đến (hệ thống nhận tự động gửi)',
  '02': 'Từ chối tiếp nhận (kèm lý do)',
  '03': 'Đã tiếp nhận, vào sổ',
  '04': 'Đã phân công xử lý',
  '05': 'Đang xử lý',
  '06': 'Đã hoàn thành',
  '13': 'Bên gửi đề nghị lấy lại văn bản',
  '15': 'Đồng ý lấy lại / cập nhật',
  '16': 'Từ chối lấy lại',
} as const;

export type StatusCode = keyof typeof STATUS_CODES;

export function isStatusCode(value: string): value is StatusCode {
  return Object.hasOwn(STATUS_CODES, value);
}

/**
 * A status package: `from` reports `statusCode` about the document named by `responseFor`. Status 13
 * is sent by the original sender, so `responseFor` then names the recipient's copy. Statuses of one
 * batch often carry the same timestamp: order them by arrival, never by `timestamp`.
 */
export interface StatusMessage {
  readonly responseFor: ResponseFor;
  readonly from: EdxmlOrganization;
  readonly statusCode: StatusCode;
  readonly description?: string;
  /** ISO 8601 with the Vietnam offset */
  readonly timestamp: string;
  readonly staffInfo?: StaffInfo;
}
