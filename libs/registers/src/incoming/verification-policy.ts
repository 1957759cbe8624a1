import { RegistersErrors } from '../registers.errors';

/** The verdicts of the signing engine, most trustworthy first. */
const ORDER = ['valid', 'unsigned', 'indeterminate', 'invalid'] as const;
export type IncomingVerdict = (typeof ORDER)[number];

function rank(verdict: string): number {
  const i = ORDER.indexOf(verdict as IncomingVerdict);
  // An unknown verdict is treated as the worst: the policy must fail closed.
  return i < 0 ? ORDER.length - 1 : i;
}

/** The entry's verdict is the worst of its files'. */
export function worstVerdict(verdicts: readonly string[]): IncomingVerdict {
  let worst = 0;
  for (const v of verdicts) worst = Math.max(worst, rank(v));
  return ORDER[worst];
}

/**
 * A delivered entry's verdict from its files' (null: a file with no signature to check, a received
 * Word or Excel attachment): the worst of those checked, and `indeterminate` when none was, so an
 * entry is never `valid` for want of anything checked.
 */
export function deliveredVerdict(verdicts: readonly (string | null)[]): IncomingVerdict {
  const checked = verdicts.filter((v): v is string => v !== null);
  return checked.length > 0 ? worstVerdict(checked) : 'indeterminate';
}

/**
 * Whether registering needs the clerk's explicit override. An unsigned file is a scan of a paper
 * document, which is normal; a signature that is broken (invalid) or cannot be confirmed
 * (indeterminate: unknown CA, no revocation data) is what the authenticity check is for.
 */
export function needsOverride(verdict: string): boolean {
  return rank(verdict) >= rank('indeterminate');
}

/**
 * SIGNATURE_VERIFICATION_FAILED (422) unless the verdict is acceptable or overridden; returns
 * whether the override was actually used, which is recorded on the entry.
 */
export function acceptVerification(verdict: string, override: boolean): boolean {
  if (!needsOverride(verdict)) return false;
  if (!override) throw RegistersErrors.verificationFailed(verdict);
  return true;
}
