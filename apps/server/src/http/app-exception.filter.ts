import { type ArgumentsHost, Catch, type ExceptionFilter, type HttpException, Logger } from '@nestjs/common';
import { translateDatabaseError } from '@vanthu/persistence';
import { AppException, isAppException, newToken } from '@vanthu/shared';
import type { Request, Response } from 'express';
import type { ErrorBody } from './error-body.schema';

/** Framework-level errors (routing, body parsing, size limits) mapped to stable codes. */
function fromHttpException(error: HttpException): AppException {
  const status = error.getStatus();
  const known: Record<number, [string, string]> = {
    400: ['BAD_REQUEST', 'Yêu cầu không hợp lệ.'],
    401: ['AUTH_REQUIRED', 'Vui lòng đăng nhập.'],
    403: ['FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.'],
    404: ['NOT_FOUND', 'Không tìm thấy.'],
    405: ['METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ.'],
    413: ['PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên vượt quá kích thước cho phép.'],
    415: ['UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ.'],
  };
  const [code, message] = known[status] ?? ['HTTP_ERROR', 'Yêu cầu không thực hiện được.'];
  return new AppException(code, message, status);
}

/** Body-parser errors arrive as plain errors carrying `type` and `status`. */
function fromBodyParser(error: { type?: string; status?: number }): AppException | undefined {
  if (error.type === 'entity.too.large') {
    return new AppException('PAYLOAD_TOO_LARGE', 'Dữ liệu gửi lên vượt quá kích thước cho phép.', 413);
  }
  if (error.type === 'entity.parse.failed') {
    return new AppException('INVALID_JSON', 'Nội dung JSON không hợp lệ.', 400);
  }
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return new AppException('UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ.', 415);
  }
  return undefined;
}

/**
 * By shape rather than `instanceof`: Nest's own exceptions may come from another copy of
 * @nestjs/common (Jest loads it twice, once as ESM), and a framework 400 must not become a 500.
 */
function isHttpException(error: unknown): error is HttpException {
  const e = error as { getStatus?: unknown; getResponse?: unknown } | null;
  return typeof e?.getStatus === 'function' && typeof e.getResponse === 'function';
}

/** A path parameter whose percent-encoding is not UTF-8 (`%ED%A0%80`): the router cannot decode it. */
function fromUrlDecoding(error: unknown): AppException | undefined {
  // the router's URIError, or Nest's BadRequestException made from it
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  const undecodable =
    name === 'URIError' || (typeof message === 'string' && message.startsWith('Failed to decode param'));
  return undecodable
    ? new AppException('URL_INVALID', 'Đường dẫn có ký tự không hợp lệ (mã hóa URL hỏng).', 400)
    : undefined;
}

/** Multer's refusals of a multipart body (Nest keeps them as the cause), naming the field. */
function fromMulter(error: { code?: unknown; field?: unknown; message?: unknown }): AppException | undefined {
  if (typeof error.code !== 'string') {
    return typeof error.message === 'string' &&
      /^(Multipart|Malformed part header|Unexpected end of form)/.test(error.message)
      ? new AppException('MULTIPART_INVALID', 'Dữ liệu tải lên (multipart) không hợp lệ.', 400)
      : undefined;
  }
  const field = typeof error.field === 'string' ? error.field.slice(0, 64) : undefined;
  const named = field ? ` "${field}"` : '';
  const details = field ? { field } : undefined;
  switch (error.code) {
    case 'LIMIT_FILE_SIZE':
      return new AppException('PAYLOAD_TOO_LARGE', `Tệp${named} vượt quá kích thước cho phép.`, 413, details);
    case 'LIMIT_FIELD_VALUE':
      return new AppException('PAYLOAD_TOO_LARGE', `Trường${named} dài quá mức cho phép.`, 413, details);
    case 'LIMIT_FILE_COUNT':
      return new AppException(
        'TOO_MANY_FILES',
        `Quá nhiều tệp${field ? ` ở trường "${field}"` : ''}.`,
        400,
        details,
      );
    case 'LIMIT_UNEXPECTED_FILE':
      return new AppException(
        'UNEXPECTED_FILE_FIELD',
        `Trường tệp${named} không được chấp nhận ở đây.`,
        400,
        details,
      );
    case 'LIMIT_FIELD_COUNT':
    case 'LIMIT_PART_COUNT':
      return new AppException('TOO_MANY_FIELDS', 'Quá nhiều trường trong dữ liệu tải lên.', 400);
    default:
      return error.code.startsWith('LIMIT_') || error.code.endsWith('FIELD_NAME')
        ? new AppException(
            'MULTIPART_INVALID',
            `Dữ liệu tải lên (multipart) không hợp lệ${named}.`,
            400,
            details,
          )
        : undefined;
  }
}

/**
 * The one place errors become responses: `{ code, message, errorId }` with a stable English code
 * and a Vietnamese message. Unknown errors are logged with their errorId and answered as 500
 * without internals.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const errorId = newToken(9);
    // Nest wraps body-parser errors in an HttpException whose cause keeps body-parser's `type`.
    const parserError =
      fromBodyParser(error as { type?: string }) ??
      fromBodyParser((error as { cause?: { type?: string } })?.cause ?? {});
    const cause = (error as { cause?: unknown })?.cause;
    const multerError =
      isHttpException(error) && cause !== null && typeof cause === 'object' ? fromMulter(cause) : undefined;
    const mapped =
      (isAppException(error) ? error : undefined) ??
      parserError ??
      fromUrlDecoding(error) ??
      multerError ??
      (isHttpException(error) ? fromHttpException(error) : undefined) ??
      translateDatabaseError(error);

    if (!mapped || mapped.status >= 500) {
      this.logger.error(
        { err: error, errorId, method: request.method, url: request.originalUrl?.split('?')[0] },
        'request failed',
      );
    }
    const app =
      mapped ??
      new AppException('INTERNAL_ERROR', 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.', 500);
    const body: ErrorBody = { code: app.code, message: app.message, errorId };
    // details are authored with the exception (never taken from an unknown error), so they are safe to send
    if (app.details) body.details = app.details;
    if (!response.headersSent) response.status(app.status).json(body);
    else response.destroy();
  }
}
