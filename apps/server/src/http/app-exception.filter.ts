import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
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
    const mapped =
      (isAppException(error) ? error : undefined) ??
      parserError ??
      (error instanceof HttpException ? fromHttpException(error) : undefined) ??
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
