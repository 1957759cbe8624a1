import {
  ACTIVE_CONTENT_KIND_CODES,
  type ActiveContentFinding,
  type ActiveContentKind,
  activeContentLabel,
} from './active-content-kinds';

/** Where an object was found: its number, and the 1-based revision listing it (none: no cross-reference does). */
export interface ObjectOrigin {
  readonly num: number;
  readonly revision?: number;
}

/** The findings of one scan, gathered per kind. */
export class ActiveContentFindings {
  private readonly byKind = new Map<
    ActiveContentKind,
    { objects: Set<number>; revisions: Set<number>; unlisted: boolean }
  >();

  add(kind: ActiveContentKind, origin: ObjectOrigin): void {
    let entry = this.byKind.get(kind);
    if (!entry)
      this.byKind.set(kind, (entry = { objects: new Set(), revisions: new Set(), unlisted: false }));
    // listed objects are scanned first: the same object found again by its header (a writer's offset
    // a few bytes off) is not one hidden from the cross-reference
    if (origin.revision === undefined) entry.unlisted ||= !entry.objects.has(origin.num);
    else entry.revisions.add(origin.revision);
    entry.objects.add(origin.num);
  }

  /** in the order of the kinds' table, numbers ascending */
  list(): ActiveContentFinding[] {
    return ACTIVE_CONTENT_KIND_CODES.filter((kind) => this.byKind.has(kind)).map((kind) => {
      const entry = this.byKind.get(kind)!;
      return {
        kind,
        message: activeContentLabel(kind),
        objects: [...entry.objects].sort((a, b) => a - b),
        revisions: [...entry.revisions].sort((a, b) => a - b),
        unlisted: entry.unlisted,
      };
    });
  }
}
