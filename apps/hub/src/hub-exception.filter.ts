import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { translateDatabaseError } from '@vanthu/persistence';
import { AppException, isAppException, newToken } from '@vanthu/shared';
import type { Request, Response } from 'express';

/**
 * Errors as `{code, message, errorId}` (the wire protocol's refusals, the node's API format); an
 * unknown error is logged with its errorId and answered 500 without internals.
 */
@Catch()
export class HubExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const errorId = newToken(9);
    const mapped =
      (isAppException(error) ? error : undefined) ??
      (error instanceof HttpException
        ? new AppException(
            error.getStatus() === 404 ? 'NOT_FOUND' : 'HTTP_ERROR',
            'Yêu cầu không thực hiện được.',
            error.getStatus(),
          )
        : undefined) ??
      translateDatabaseError(error);
    if (!mapped || mapped.status >= 500)
      this.logger.error(
        { err: error, errorId, method: request.method, url: request.originalUrl?.split('?')[0] },
        'request failed',
      );
    const app = mapped ?? new AppException('INTERNAL_ERROR', 'Lỗi hệ thống.', 500);
    const body: Record<string, unknown> = { code: app.code, message: app.message, errorId };
    if (app.details) body.details = app.details;
    if (!response.headersSent) response.status(app.status).json(body);
    else response.destroy();
  }
}
