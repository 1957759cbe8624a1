import { PdfRevision } from '../pdf-reader/pdf-revision';
import { isArray, isDict, PdfRef, PdfStream, PdfValue } from '../pdf-reader/pdf-values';
import { EMPTY_ROLES, FieldInfo, isComposite, isStructural, Role, SKIPPED_KEYS } from './revision-roles';

/**
 * The roles of a revision's objects and the field each object under a widget belongs to, with the
 * walk that hands a role down a subtree. The document's own structure (pages, annotations, fields)
 * is walked by RevisionGraph.
 */
export class ObjectRoles {
  readonly roles = new Map<number, Set<Role>>();
  /** the fields owning each object under a widget or a signature value (appearance streams and the like) */
  readonly fieldOwners = new Map<number, FieldInfo[]>();

  protected constructor(readonly rev: PdfRevision) {}

  rolesOf(num: number): ReadonlySet<Role> {
    return this.roles.get(num) ?? EMPTY_ROLES;
  }

  protected mark(num: number, role: Role): boolean {
    let set = this.roles.get(num);
    if (!set) {
      set = new Set();
      this.roles.set(num, set);
    }
    if (set.has(role)) return false;
    set.add(role);
    return true;
  }

  private addOwner(num: number, owner: FieldInfo): boolean {
    const list = this.fieldOwners.get(num);
    if (!list) {
      this.fieldOwners.set(num, [owner]);
      return true;
    }
    for (const f of list) if (f.num === owner.num) return false;
    list.push(owner);
    return true;
  }

  protected safely(fn: () => void): void {
    try {
      fn();
    } catch {
      // an unreadable object contributes nothing; the diff reports it as a change on its own
    }
  }

  /** marks everything reachable from `value` with `role`, not crossing into pages, annotations or signatures */
  protected subtree(value: PdfValue | undefined, role: Role, tag?: Role, owner?: FieldInfo): void {
    const stack: PdfValue[] = value === undefined ? [] : [value];
    let first = true;
    while (stack.length > 0) {
      const v = stack.pop() as PdfValue;
      let resolved: PdfValue = v;
      if (v instanceof PdfRef) {
        try {
          resolved = this.rev.get(v.num);
        } catch {
          resolved = null;
        }
        const d = resolved instanceof PdfStream ? resolved.dict : resolved;
        if (!first && isDict(d) && isStructural(d, role)) continue;
        const added = this.mark(v.num, role);
        if (tag) this.mark(v.num, tag);
        // an object shared by two widgets belongs to both, and so does everything under it
        if (!added && !(owner && this.addOwner(v.num, owner))) continue;
        if (added && owner) this.addOwner(v.num, owner);
      }
      first = false;
      const d = resolved instanceof PdfStream ? resolved.dict : resolved;
      if (isDict(d)) {
        for (const [k, child] of d.entries) if (!SKIPPED_KEYS.has(k) && isComposite(child)) stack.push(child);
      } else if (isArray(d)) {
        for (const child of d) if (isComposite(child)) stack.push(child);
      }
    }
  }
}
