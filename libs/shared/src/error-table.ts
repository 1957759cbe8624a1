import { AppException } from './app-exception';

export interface ErrorEntry {
  readonly status: number;
  /** Vietnamese, for users; never holds secrets. */
  readonly message: string;
}

/**
 * Turns a lib's table of stable codes into its error factory, so each lib declares its codes and
 * messages once and raises them as `xError('CODE', details)`.
 */
export function errorFactory<C extends string>(
  table: Readonly<Record<C, ErrorEntry>>,
): (code: C, details?: Record<string, unknown>) => AppException {
  return (code, details) => new AppException(code, table[code].message, table[code].status, details);
}
