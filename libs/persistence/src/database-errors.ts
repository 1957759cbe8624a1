import { AppException } from '@vanthu/shared';

interface ConstraintError {
  code: string;
  message: string;
  status?: number;
}

const byConstraint = new Map<string, ConstraintError>();

/**
 * Each lib names the domain error behind each of its named constraints (architecture §4.5), so a
 * unique or foreign-key violation that slips past the use case's own checks (a race between two
 * requests) still reaches the user as a stable code with a Vietnamese message.
 */
export function registerConstraintErrors(errors: Record<string, ConstraintError>): void {
  for (const [name, error] of Object.entries(errors)) byConstraint.set(name, error);
}

interface PgError {
  code?: string;
  constraint?: string;
}

/** Maps a PostgreSQL driver error to an AppException, or returns undefined if it is not a known kind. */
export function translateDatabaseError(error: unknown): AppException | undefined {
  const pg = ((error as { driverError?: PgError })?.driverError ?? error) as PgError;
  if (!pg || typeof pg.code !== 'string') return undefined;
  const known = pg.constraint ? byConstraint.get(pg.constraint) : undefined;
  if (known)
    return new AppException(known.code, known.message, known.status ?? 409, { constraint: pg.constraint });
  switch (pg.code) {
    case '23505':
      return new AppException('DUPLICATE', 'Dữ liệu đã tồn tại.', 409, { constraint: pg.constraint });
    case '23503':
      return new AppException('REFERENCE_NOT_FOUND', 'Dữ liệu liên quan không tồn tại.', 409, {
        constraint: pg.constraint,
      });
    case '40001':
    case '40P01':
      return new AppException(
        'CONCURRENT_UPDATE',
        'Dữ liệu vừa được người khác thay đổi, vui lòng thử lại.',
        409,
      );
    case '57P01':
    case '08006':
    case '08001':
      return new AppException('DATABASE_UNAVAILABLE', 'Cơ sở dữ liệu tạm thời không truy cập được.', 503);
    default:
      return undefined;
  }
}
