import { PdfRef } from '../pdf-reader/pdf-values';
import { annotationPaints } from './annotation-visibility';
import { FieldInfo, RevisionGraph } from './revision-graph';

/** Whether a field shows anything in a revision: any of its widgets paints (annotationPaints). */
export class FieldVisibility {
  private readonly byGraph = new Map<
    RevisionGraph,
    { widgets: Map<number, number[]>; seen: Map<number, boolean> }
  >();

  visible(graph: RevisionGraph, field: number): boolean {
    const g = this.of(graph);
    let v = g.seen.get(field);
    if (v === undefined) {
      v = (g.widgets.get(field) ?? []).some((w) => {
        try {
          const dict = graph.rev.dict(new PdfRef(w, 0));
          return dict !== undefined && annotationPaints(graph.rev, dict);
        } catch {
          return true; // a widget that cannot be read cannot be shown to paint nothing
        }
      });
      g.seen.set(field, v);
    }
    return v;
  }

  /** the field's own information in that revision (from the form, or from one of its widgets) */
  info(graph: RevisionGraph, field: number): FieldInfo | undefined {
    const own = graph.fields.get(field);
    if (own) return own;
    for (const info of graph.widgets.values()) if (info.num === field) return info;
    return undefined;
  }

  private of(graph: RevisionGraph): { widgets: Map<number, number[]>; seen: Map<number, boolean> } {
    let g = this.byGraph.get(graph);
    if (!g) {
      const widgets = new Map<number, number[]>();
      for (const [num, info] of graph.widgets) {
        const list = widgets.get(info.num);
        if (list) list.push(num);
        else widgets.set(info.num, [num]);
      }
      g = { widgets, seen: new Map() };
      this.byGraph.set(graph, g);
    }
    return g;
  }
}
