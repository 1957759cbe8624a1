import { isAppException } from '@vanthu/shared';
import { readPackage, type EnvelopeTrust, type ParsedPackage } from '@vanthu/edxml';
import { negative, readInput, usage } from '../../cli-io';

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export interface TrustOptions {
  readonly trust: string[];
  readonly crl: string[];
  readonly fetchRevocation?: boolean;
}

export async function loadTrust(options: TrustOptions): Promise<EnvelopeTrust> {
  return {
    trustAnchors: await Promise.all(options.trust.map((f) => readInput(f, 'chứng thư tin cậy'))),
    crls: await Promise.all(options.crl.map((f) => readInput(f, 'CRL'))),
    fetchRevocation: options.fetchRevocation === true,
  };
}

/** A package that cannot be read (not XML, too large, corrupt attachment…) is exit 2 with its stable code. */
export async function readPackageOrExit(path: string, trust?: EnvelopeTrust): Promise<ParsedPackage> {
  try {
    return await readPackage({ path }, { trust });
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'EISDIR'
    )
      throw usage(`không đọc được gói tin: ${path}`);
    throw asCliError(error, 2);
  }
}

/** An AppException as the CLI prints it (`CODE: message (details)`), with the given exit code. */
export function asCliError(error: unknown, exitCode: 1 | 2): unknown {
  if (!isAppException(error)) return error;
  const details = error.details ? ` ${JSON.stringify(error.details)}` : '';
  const text = `${error.code}: ${error.message}${details}`;
  return exitCode === 2 ? usage(text) : negative(text);
}
