import { PdfFile } from './pdf-reader/pdf-file';
import { PdfRevision } from './pdf-reader/pdf-revision';
import { isArray, PdfString } from './pdf-reader/pdf-values';
import { SignatureCandidate } from './signature-discovery';
import { reason, VerificationReason } from './verification-reasons';

export interface Coverage {
  readonly byteRange: number[];
  /** the signed parts as views of the file (no copy) */
  readonly parts: Buffer[];
  /** the DER held by /Contents (with its zero padding) */
  readonly contents?: Buffer;
  /** the revision that ends where the range ends; else the last revision ending before that point */
  readonly coveredRevision?: PdfRevision;
  readonly endsAtRevision: boolean;
  readonly coversWholeDocument: boolean;
  readonly reasons: VerificationReason[];
}

/**
 * Where a signature's bytes are: a valid /ByteRange starts at 0, leaves exactly one hole that is the
 * /Contents string itself, has no overlaps, and ends at the end of a revision (an %%EOF line). pdfsig
 * checks none of this; the Shadow and Incremental Saving attacks live in exactly these gaps.
 */
export function checkCoverage(file: PdfFile, candidate: SignatureCandidate): Coverage {
  const reasons: VerificationReason[] = [];
  const br = candidate.sigDict.get('ByteRange');
  const contentsValue = candidate.sigDict.get('Contents');
  const contents = contentsValue instanceof PdfString ? contentsValue : undefined;
  const values = isArray(br) ? br : [];
  const byteRange = values.filter((v): v is number => typeof v === 'number');
  const size = file.buf.length;
  const empty = { byteRange, parts: [], endsAtRevision: false, coversWholeDocument: false };
  if (
    byteRange.length !== values.length ||
    byteRange.length < 2 ||
    byteRange.length % 2 !== 0 ||
    byteRange.some((n) => !Number.isInteger(n) || n < 0)
  ) {
    return {
      ...empty,
      reasons: [reason('BYTERANGE_INVALID', { byteRange: values.length <= 16 ? byteRange : undefined })],
    };
  }
  if (!contents) return { ...empty, reasons: [reason('SIGNATURE_DICT_INVALID', { missing: '/Contents' })] };
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < byteRange.length; i += 2) ranges.push([byteRange[i], byteRange[i] + byteRange[i + 1]]);
  if (ranges.some(([, end]) => end > size))
    return { ...empty, reasons: [reason('BYTERANGE_INVALID', { byteRange, fileSize: size })] };
  if (ranges[0][0] !== 0) reasons.push(reason('BYTERANGE_NOT_AT_START', { start: ranges[0][0] }));
  const gaps: Array<[number, number]> = [];
  for (let i = 1; i < ranges.length; i++) {
    const prevEnd = ranges[i - 1][1];
    const start = ranges[i][0];
    if (start < prevEnd) reasons.push(reason('BYTERANGE_OVERLAP', { at: start }));
    else if (start > prevEnd) gaps.push([prevEnd, start]);
  }
  if (contents.start < 0) {
    reasons.push(
      reason('CONTENTS_NOT_IN_GAP', { note: 'the signature dictionary is inside an object stream' }),
    );
  } else {
    const hole = gaps.findIndex(([s, e]) => s === contents.start && e === contents.end);
    if (hole < 0)
      reasons.push(reason('CONTENTS_NOT_IN_GAP', { contentsAt: [contents.start, contents.end], gaps }));
    const others = gaps.filter((_, i) => i !== hole);
    if (others.length > 0) reasons.push(reason('COVERAGE_GAP', { gaps: others }));
  }
  const end = Math.max(...ranges.map(([, e]) => e));
  const endingHere = file.revisionEndingAt(end);
  let covered = endingHere;
  if (!endingHere) {
    reasons.push(reason('BYTERANGE_NOT_AT_REVISION_END', { end }));
    covered = [...file.revisions].reverse().find((r) => r.end <= end);
  }
  // the signature dictionary must be part of the revision it signs, not an object added later
  if (
    endingHere &&
    candidate.sigObjectNumber !== undefined &&
    endingHere.locationOf(candidate.sigObjectNumber) !== candidate.key
  )
    reasons.push(reason('SIGNATURE_NOT_IN_COVERED_REVISION'));
  return {
    byteRange,
    parts: ranges.filter(([s, e]) => e > s).map(([s, e]) => file.buf.subarray(s, e)),
    contents: contents.bytes,
    coveredRevision: covered,
    endsAtRevision: endingHere !== undefined,
    coversWholeDocument: endingHere !== undefined && endingHere === file.last && trailingBytesAreBlank(file),
    reasons,
  };
}

/** true when nothing but whitespace follows the last revision */
export function trailingBytesAreBlank(file: PdfFile): boolean {
  const buf = file.buf;
  for (let i = file.last.end; i < buf.length; i++) {
    const c = buf[i];
    if (c !== 0 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 32) return false;
  }
  return true;
}
