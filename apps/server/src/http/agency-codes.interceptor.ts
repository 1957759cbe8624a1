import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { AgencyCodes } from '@vanthu/directory';
import { isUuid } from '@vanthu/shared';
import { from, mergeMap, type Observable } from 'rxjs';
import { FILE_RESPONSE } from './file-response.decorator';

/** Answers are a few levels deep (page → entry → recipients); deeper values are left alone. */
const MAX_DEPTH = 8;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function collectIds(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collectIds(item, into, depth + 1);
  } else if (isPlainRecord(value)) {
    const agencyId = value.agencyId;
    if (typeof agencyId === 'string' && isUuid(agencyId) && !('agencyCode' in value)) into.add(agencyId);
    for (const item of Object.values(value)) collectIds(item, into, depth + 1);
  }
}

/** A copy of `value` where each object with `agencyId` also has `agencyCode` right after it. */
function withCodes(value: unknown, codes: ReadonlyMap<string, string>, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => withCodes(item, codes, depth + 1));
  if (!isPlainRecord(value)) return value;
  const out: Record<string, unknown> = {};
  const addCode = 'agencyId' in value && !('agencyCode' in value);
  for (const [key, item] of Object.entries(value)) {
    out[key] = withCodes(item, codes, depth + 1);
    if (key === 'agencyId' && addCode)
      out.agencyCode = typeof item === 'string' ? (codes.get(item) ?? null) : null;
  }
  return out;
}

/**
 * People and clients speak agency codes, the database ids: every JSON answer that names an agency
 * by `agencyId` also carries its `agencyCode` (null when the id is null or unknown). One place for
 * all routes, so no answer forgets it; the response schemas declare the field (agencyRef).
 */
@Injectable()
export class AgencyCodesInterceptor implements NestInterceptor {
  constructor(private readonly agencyCodes: AgencyCodes) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (Reflect.getMetadata(FILE_RESPONSE, context.getHandler())) return next.handle();
    return next.handle().pipe(
      mergeMap((value: unknown) => {
        const ids = new Set<string>();
        collectIds(value, ids);
        if (ids.size === 0) return from([value]);
        return from(this.agencyCodes.codesOf(ids).then((codes) => withCodes(value, codes)));
      }),
    );
  }
}
