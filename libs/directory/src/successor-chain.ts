import type { Agency } from './agency';
import { DirectoryErrors } from './directory.errors';

/** Real merges chain a handful of times; more hops than this means a loop in the data. */
const MAX_SUCCESSOR_HOPS = 64;

export interface SuccessorChain {
  /** The agency at the end of the chain: the one that exists today. */
  current: Agency;
  /** Every code followed, starting with the first agency's. */
  chain: string[];
}

/** Follows successor codes from `start` to the current agency; refuses loops and dangling codes. */
export async function followSuccessors(
  start: Agency,
  findByCode: (code: string) => Promise<Agency | null>,
): Promise<SuccessorChain> {
  const chain = [start.code];
  const seen = new Set(chain);
  let current = start;
  while (current.successorCode) {
    const next = current.successorCode;
    if (seen.has(next) || chain.length > MAX_SUCCESSOR_HOPS)
      throw DirectoryErrors.successorCycle([...chain, next]);
    const found = await findByCode(next);
    if (!found) throw DirectoryErrors.successorNotFound(next);
    chain.push(next);
    seen.add(next);
    current = found;
  }
  return { current, chain };
}
