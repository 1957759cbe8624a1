import { PdfFile } from '../pdf-reader/pdf-file';
import { PdfRevision } from '../pdf-reader/pdf-revision';
import type { ChangeReport } from '../verification-report';
import { changeMessage, changeMinPermission, ChangeKind } from './change-kinds';
import { FieldVisibility } from './field-visibility';
import { diffRevisions, RevisionChanges } from './revision-diff';
import { RevisionGraph } from './revision-graph';
import { SignedFields, StandingSignature } from './signed-fields';

const LOCKABLE = new Set<ChangeKind>([
  'FORM_FILLED',
  'FORM_FIELD_MODIFIED',
  'SIGNATURE_ADDED',
  'SIGNATURE_FIELD_ADDED',
]);

/**
 * Compares each revision with the one before it, once per document, and answers "what changed after
 * revision r" for every signature from those pairwise results. Graphs are built only for revisions
 * that take part in a comparison with real changes.
 *
 * Whether an added or changed signature field is an allowed change is judged with knowledge of the
 * whole file: it stands when the field's own signature covers that revision (a field added in
 * revision r and signed in r + 1 is fine), or when the field shows nothing before and after. Else
 * its appearance is drawn on the page with nobody's signature behind it: UNSIGNED_SIGNATURE_APPEARANCE.
 */
export class ChangeAnalyzer {
  private readonly graphs = new Map<PdfRevision, RevisionGraph>();
  private readonly diffs = new Map<number, RevisionChanges>();
  private readonly judged = new Map<number, Map<ChangeKind, Set<number>>>();
  private readonly signedFields: SignedFields;
  private readonly visibility = new FieldVisibility();

  /** `signatures`: the file's standing signatures (intact, ending at a revision end) */
  constructor(
    private readonly file: PdfFile,
    signatures: readonly StandingSignature[] = [],
  ) {
    this.signedFields = new SignedFields(signatures, (i) => this.graph(file.revisions[i]));
  }

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
      const { fieldOf } = this.changeSet(i);
      for (const [kind, objects] of this.judgedKinds(i)) {
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

  /**
   * The kinds of revision `index`, with each signature change judged against the fields' own
   * signatures (those do not depend on which earlier signature asks, so neither does the answer).
   */
  private judgedKinds(index: number): Map<ChangeKind, Set<number>> {
    const cached = this.judged.get(index);
    if (cached) return cached;
    const { kinds, signatureFieldOf } = this.changeSet(index);
    if (!kinds.has('SIGNATURE_ADDED') && !kinds.has('DOC_TIMESTAMP_ADDED')) {
      this.judged.set(index, kinds);
      return kinds;
    }
    const out = new Map<ChangeKind, Set<number>>();
    const put = (kind: ChangeKind, n: number): void => {
      let set = out.get(kind);
      if (!set) out.set(kind, (set = new Set()));
      set.add(n);
    };
    for (const [kind, objects] of kinds) {
      if (kind !== 'SIGNATURE_ADDED' && kind !== 'DOC_TIMESTAMP_ADDED') {
        for (const n of objects) put(kind, n);
        continue;
      }
      for (const n of objects) put(this.signatureChangeKind(kind, index, signatureFieldOf.get(n) ?? []), n);
    }
    this.judged.set(index, out);
    return out;
  }

  private signatureChangeKind(kind: ChangeKind, index: number, fields: readonly number[]): ChangeKind {
    const newer = this.graph(this.file.revisions[index]);
    const older = this.graph(this.file.revisions[index - 1]);
    let empty = true;
    for (const field of fields) {
      if (this.signedFields.signedAtOrAfter(field, index)) {
        empty = false;
        continue;
      }
      if (this.visibility.visible(newer, field) || this.visibility.visible(older, field))
        return 'UNSIGNED_SIGNATURE_APPEARANCE';
      if (this.visibility.info(newer, field)?.signed) empty = false;
    }
    return kind === 'SIGNATURE_ADDED' && empty && fields.length > 0 ? 'SIGNATURE_FIELD_ADDED' : kind;
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
