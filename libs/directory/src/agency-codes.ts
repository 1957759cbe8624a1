import { Injectable } from '@nestjs/common';
import { AgencyRepository } from './agency.repository';

/** Bounds the id → code cache; a node's directory holds thousands of agencies, not millions. */
const CACHE_LIMIT = 50_000;

/**
 * The code of each agency id, for answers that name an agency by id (clients and people speak
 * codes). An agency's code never changes (edits cannot touch it; a renamed agency gets a successor
 * with a new code), so what was read once stays true and is kept.
 */
@Injectable()
export class AgencyCodes {
  private readonly known = new Map<string, string>();

  constructor(private readonly agencies: AgencyRepository) {}

  async codesOf(ids: Iterable<string>): Promise<ReadonlyMap<string, string>> {
    const wanted = [...new Set(ids)];
    const missing = wanted.filter((id) => !this.known.has(id));
    if (missing.length > 0) {
      if (this.known.size + missing.length > CACHE_LIMIT) this.known.clear();
      for (const agency of await this.agencies.findByIds(missing)) this.known.set(agency.id, agency.code);
    }
    const found = new Map<string, string>();
    for (const id of wanted) {
      const code = this.known.get(id);
      if (code !== undefined) found.set(id, code);
    }
    return found;
  }
}
