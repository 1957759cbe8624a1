/**
 * The one error type that crosses lib boundaries. `code` is a stable English identifier that clients
 * may branch on; `message` is the Vietnamese sentence shown to users; `status` is the HTTP status the
 * global filter answers with (kept as a number so Nest-free libs can raise it too).
 */
export class AppException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppException';
  }
}

export function isAppException(error: unknown): error is AppException {
  return error instanceof AppException;
}
