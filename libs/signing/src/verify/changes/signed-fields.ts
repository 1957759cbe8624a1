import { isDict, PdfDict, PdfRef, PdfValue } from '../pdf-reader/pdf-values';
import { RevisionGraph } from './revision-graph';
import { pdfValuesEqual } from './value-equality';

/** A signature whose bytes are intact over a byte range that ends at the end of a revision. */
export interface StandingSignature {
  /** 0-based index of the revision its byte range ends with */
  readonly coveredIndex: number;
  /** object number of its signature dictionary (undefined when /V holds the dictionary directly) */
  readonly sigObjectNumber?: number;
  readonly sigDict: PdfDict;
}

/**
 * Which signature fields carry a standing signature of their own, and the latest revision it covers.
 * The field holding a signature is read in the revision that signature covers, where it is signed
 * content: a field added later that points its /V at an earlier signature (a "recycled" value) is
 * not found there, so it is not signed by it.
 */
export class SignedFields {
  private latest?: Map<number, number>;

  constructor(
    private readonly signatures: readonly StandingSignature[],
    private readonly graphAt: (revisionIndex: number) => RevisionGraph,
  ) {}

  /** true when field `field` (object number) holds its own signature over revision `index` or a later one */
  signedAtOrAfter(field: number, index: number): boolean {
    return (this.byField().get(field) ?? -1) >= index;
  }

  private byField(): Map<number, number> {
    if (this.latest) return this.latest;
    const latest = new Map<number, number>();
    for (const s of this.signatures) {
      let graph: RevisionGraph;
      try {
        graph = this.graphAt(s.coveredIndex);
      } catch {
        continue; // a revision that cannot be walked vouches for nothing
      }
      for (const [num, info] of graph.fields)
        if (info.sig && holds(info.value, s))
          latest.set(num, Math.max(latest.get(num) ?? -1, s.coveredIndex));
    }
    this.latest = latest;
    return latest;
  }
}

function holds(value: PdfValue | undefined, s: StandingSignature): boolean {
  if (value instanceof PdfRef) return value.num === s.sigObjectNumber;
  return (
    isDict(value) &&
    s.sigObjectNumber === undefined &&
    pdfValuesEqual(value.get('ByteRange'), s.sigDict.get('ByteRange')) &&
    pdfValuesEqual(value.get('Contents'), s.sigDict.get('Contents'))
  );
}
