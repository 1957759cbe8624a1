import { PdfFile } from '../pdf-reader/pdf-file';
import { PdfRevision } from '../pdf-reader/pdf-revision';
import type { ChangeReport } from '../verification-report';
import { changeMessage, changeMinPermission, ChangeKind } from './change-kinds';
import { diffRevisions, RevisionChanges } from './revision-diff';
import { RevisionGraph } from './revision-graph';

const LOCKABLE = new Set<ChangeKind>(['FORM_FILLED', 'FORM_FIELD_MODIFIED', 'SIGNATURE_ADDED']);

/**
 * Compares each revision with the one before it, once per document, and answers "what changed after
 * revision r" for every signature from those pairwise results. Graphs are built only for revisions
 * that take part in a comparison with real changes.
 */
export class ChangeAnalyzer {
  private readonly graphs = new Map<PdfRevision, RevisionGraph>();
  private readonly diffs = new Map<number, RevisionChanges>();

  constructor(private readonly file: PdfFile) {}

  /** the change set made by revision `index` (0-based) relative to revision `index - 1` */
  changeSet(index: number): RevisionChanges {
    let set = this.diffs.get(index);
    if (!set) {
      const revs = this.file.revisions;
      set = diffRevisions(revs[index - 1], revs[index], (r) => this.graph(r));
      this.diffs.set(index, set);
    }
    return set;
  }

  /**
   * Changes of every revision after `coveredIndex`, each marked allowed or not under the DocMDP
   * permission in force for that revision (`permissionAt`, default 2 = signing and form filling).
   * `isLocked` names the fields a FieldMDP lock of the signature forbids to change.
   */
  changesAfter(
    coveredIndex: number,
    permissionAt: (revisionIndex: number) => number,
    isLocked: (fieldName: string) => boolean = () => false,
  ): ChangeReport[] {
    const out: ChangeReport[] = [];
    const report = (revision: number, kind: ChangeKind, objects: number[], permission: number): void => {
      const min = changeMinPermission(kind);
      out.push({
        revision,
        kind,
        allowed: min >= 1 && min <= permission,
        objects: objects.filter((n) => n > 0).sort((a, b) => a - b),
        message: changeMessage(kind),
      });
    };
    for (let i = coveredIndex + 1; i < this.file.revisions.length; i++) {
      const permission = permissionAt(i);
      const { kinds, fieldOf } = this.changeSet(i);
      for (const [kind, objects] of kinds) {
        const all = [...objects];
        const lockedName = (n: number): boolean => {
          const name = fieldOf.get(n);
          return name !== undefined && isLocked(name);
        };
        const locked = LOCKABLE.has(kind) ? all.filter(lockedName) : [];
        const free = all.filter((n) => !locked.includes(n));
        if (free.length > 0 || locked.length === 0) report(i + 1, kind, free, permission);
        if (locked.length > 0) report(i + 1, 'LOCKED_FIELD_MODIFIED', locked, permission);
      }
    }
    return out;
  }

  private graph(rev: PdfRevision): RevisionGraph {
    let g = this.graphs.get(rev);
    if (!g) {
      g = RevisionGraph.build(rev);
      this.graphs.set(rev, g);
    }
    return g;
  }
}
