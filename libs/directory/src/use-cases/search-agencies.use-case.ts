import { Injectable } from '@nestjs/common';
import type { Agency } from '../agency';
import { normalizeAgencyCode, tryNormalizeAgencyCode } from '../agency-code';
import { AgencyRepository } from '../agency.repository';
import { DirectoryErrors } from '../directory.errors';

export const SEARCH_DEFAULT_LIMIT = 50;
export const SEARCH_MAX_LIMIT = 200;

export interface SearchAgenciesInput {
  q?: string;
  parentCode?: string;
  hosted?: boolean;
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface AgencyPage {
  items: Agency[];
  /** Present when more results follow. */
  nextCursor: string | null;
}

/** Pages in code order; the cursor is the last code of the page, opaque to clients. */
@Injectable()
export class SearchAgenciesUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(input: SearchAgenciesInput): Promise<AgencyPage> {
    const limit = Math.min(Math.max(Math.trunc(input.limit ?? SEARCH_DEFAULT_LIMIT), 1), SEARCH_MAX_LIMIT);
    let parentId: string | undefined;
    if (input.parentCode !== undefined) {
      const parent = await this.agencies.findByCode(normalizeAgencyCode(input.parentCode, 'parentCode'));
      if (!parent) return { items: [], nextCursor: null };
      parentId = parent.id;
    }
    const items = await this.agencies.search({
      q: input.q?.trim().slice(0, 200) || undefined,
      parentId,
      hosted: input.hosted,
      limit: limit + 1,
      afterCode: input.cursor ? decodeCursor(input.cursor) : undefined,
    });
    const more = items.length > limit;
    const page = more ? items.slice(0, limit) : items;
    return { items: page, nextCursor: more ? encodeCursor(page[page.length - 1].code) : null };
  }
}

function encodeCursor(code: string): string {
  return Buffer.from(code, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const code = tryNormalizeAgencyCode(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (code === undefined) throw DirectoryErrors.cursorInvalid();
  return code;
}
