import type { Priority, Role } from '../client/types';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  clerk: 'Văn thư',
  leader: 'Lãnh đạo',
  specialist: 'Chuyên viên',
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  normal: 'Thường',
  urgent: 'Khẩn',
  very_urgent: 'Thượng khẩn',
  flash: 'Hỏa tốc',
};

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Dự thảo',
  reviewing: 'Chờ xem xét',
  approving: 'Chờ duyệt',
  approved: 'Chờ ký',
  signed: 'Chờ phát hành',
  issued: 'Đã phát hành',
  recalled: 'Đã thu hồi',
  replaced: 'Đã thay thế',
  received: 'Chờ vào sổ',
  registered: 'Chờ phân công',
  assigned: 'Đã phân công',
  in_progress: 'Đang xử lý',
  closed: 'Đã xử lý',
  returned: 'Đã trả lại',
};

export const VERDICT_LABELS: Record<string, string> = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  indeterminate: 'Chưa xác định được',
  unsigned: 'Không có chữ ký số',
  unknown: 'Chưa xác định được',
};

export const ASSIGNMENT_ROLE_LABELS: Record<string, string> = {
  lead: 'Chủ trì',
  cooperate: 'Phối hợp',
  inform: 'Để biết',
};

export const FILE_KIND_LABELS: Record<string, string> = {
  original: 'Bản dự thảo',
  personal_signed: 'Đã ký (lãnh đạo)',
  issued: 'Bản phát hành',
  received: 'Bản nhận',
  uploaded: 'Bản tải lên',
  draft: 'Bản dự thảo',
};

export const DELIVERY_STATE_LABELS: Record<string, string> = {
  pending: 'Đang chờ gửi',
  sent: 'Đã gửi',
  delivered: 'Đã đến nơi nhận',
  failed: 'Gửi lỗi',
  dead: 'Ngừng gửi (cần gửi lại)',
};

export const NOTE_KIND_LABELS: Record<string, string> = {
  progress: 'Cập nhật tiến độ',
  opinion: 'Ý kiến',
  decision: 'Ý kiến xử lý',
  comment: 'Ý kiến',
  review: 'Ý kiến xem xét',
  return: 'Trả lại',
};

export const label = (table: Record<string, string>, key: string | null | undefined): string =>
  key ? (table[key] ?? key) : '';
