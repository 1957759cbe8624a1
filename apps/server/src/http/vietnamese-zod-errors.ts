import type { z } from 'zod';

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

/** What a clerk reads in place of zod's type names (zod's own `vi` locale leaves "string", "int" in English). */
const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng JSON',
  date: 'ngày',
  null: 'null',
  undefined: 'không có giá trị',
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'mã định danh (UUID)',
  email: 'địa chỉ email',
  date: 'ngày theo dạng YYYY-MM-DD',
  datetime: 'thời điểm theo ISO 8601',
  regex: 'giá trị đúng định dạng',
  url: 'địa chỉ URL',
};

const SIZE_UNITS: Record<string, string> = {
  string: 'ký tự',
  array: 'phần tử',
  file: 'byte',
  set: 'phần tử',
};

function received(input: unknown): string {
  if (input === undefined) return 'không có giá trị';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'danh sách';
  if (typeof input === 'number' && !Number.isFinite(input)) return 'số không hữu hạn';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

function bound(origin: string, value: number | bigint): string {
  return origin === 'date' ? new Date(Number(value)).toISOString().slice(0, 10) : value.toString();
}

/**
 * Vietnamese messages for every zod issue the API can produce, given to each parse by the
 * validation pipe (messages a schema sets itself, e.g. in `.refine`, are kept). The field is named
 * by the issue's `path` beside the message.
 */
export const vietnameseZodErrors: z.core.$ZodErrorMap = (issue: RawIssue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Bắt buộc phải có';
      return `Phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}, không phải ${received(issue.input)}`;
    case 'too_big': {
      const unit = SIZE_UNITS[issue.origin];
      if (unit) return `Không được quá ${bound(issue.origin, issue.maximum)} ${unit}`;
      if (issue.origin === 'date') return `Không được sau ngày ${bound(issue.origin, issue.maximum)}`;
      return `Không được lớn hơn ${bound(issue.origin, issue.maximum)}`;
    }
    case 'too_small': {
      const unit = SIZE_UNITS[issue.origin];
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Không được để trống';
      if (unit) return `Cần ít nhất ${bound(issue.origin, issue.minimum)} ${unit}`;
      if (issue.origin === 'date') return `Không được trước ngày ${bound(issue.origin, issue.minimum)}`;
      return `Không được nhỏ hơn ${bound(issue.origin, issue.minimum)}`;
    }
    case 'invalid_format':
      return `Phải là ${FORMAT_NAMES[issue.format] ?? 'giá trị đúng định dạng'}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Phải là ${JSON.stringify(issue.values[0])}`
        : `Phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `Trường không được chấp nhận: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'Giá trị không đúng với kiểu nào được chấp nhận';
    case 'not_multiple_of':
      return `Phải là bội số của ${issue.divisor}`;
    case 'invalid_key':
    case 'invalid_element':
      return 'Có giá trị không hợp lệ';
    default:
      return 'Giá trị không hợp lệ';
  }
};
