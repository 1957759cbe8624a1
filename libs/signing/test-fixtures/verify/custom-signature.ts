import { createHash } from 'node:crypto';
import { createPadesCms } from '../../src/cms/pades-cms';
import type { SigningIdentity } from '../../src/keys/signing-identity';
import { isArray, PdfString, PdfValue } from '../../src/verify/pdf-reader/pdf-values';
import { appendRevision, lastRevision, nextObjectNumber, pageTree, RawObject } from './incremental-update';
import { dict, name, ref, withEntries } from './pdf-value-writer';

/** Positions in the finished file that a custom /ByteRange may be built from. */
export interface SignedLayout {
  readonly contentsStart: number;
  readonly contentsEnd: number;
  readonly length: number;
  /** where this revision's "xref" keyword starts */
  readonly xrefStart: number;
  /** where this revision's "%%EOF" starts */
  readonly eofStart: number;
}

export interface CustomSignatureOptions {
  readonly identity: SigningIdentity;
  /** default: the honest [0, contentsStart, contentsEnd, length - contentsEnd] */
  readonly byteRange?: (layout: SignedLayout) => number[];
  /** make it a certifying signature with this DocMDP permission */
  readonly certify?: 1 | 2 | 3;
  /** lock these fields once signed (FieldMDP /Include) */
  readonly lockFields?: readonly string[];
  readonly fieldName?: string;
  readonly signingTime?: Date;
  readonly subFilter?: string;
  /** builds the CMS over the signed parts; default a PAdES CMS (SHA-256) of the helper's CMS code */
  readonly cms?: (parts: Buffer[]) => Promise<Buffer>;
  /** more entries for the new field and widget (given its object number), e.g. /Rect, /AP, /AA */
  readonly widget?: (fieldNum: number) => Record<string, PdfValue>;
  /** objects the widget entries refer to, numbered from `fieldNum + 3` */
  readonly objects?: (fieldNum: number) => Array<[number, PdfValue]>;
  /** sign this existing, unsigned signature field (its object number) instead of adding one */
  readonly fillField?: number;
}

const CONTENTS_BYTES = 12_000;

/**
 * Signs a PDF with a real PAdES CMS but a byte range of the test's choosing, by writing the
 * signature field, widget and dictionary as an incremental update by hand. Used to build the
 * coverage anomalies (gaps, unsigned tails) that no honest signer produces.
 */
export async function signWithCustomByteRange(pdf: Buffer, options: CustomSignatureOptions): Promise<Buffer> {
  const rev = lastRevision(pdf);
  const catalog = rev.catalog;
  if (!catalog) throw new Error('no catalog');
  const { firstPageNum, firstPage } = pageTree(rev);
  const n = nextObjectNumber(rev);
  const [sigNum, fieldNum, formNum] = [n, n + 1, n + 2];
  const oldForm = rev.dict(catalog.get('AcroForm'));
  const oldFields = rev.resolve(oldForm?.get('Fields'));
  const annots = rev.resolve(firstPage.get('Annots'));
  const time = (options.signingTime ?? new Date()).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const transforms: string[] = [];
  if (options.certify)
    transforms.push(
      `<</Type /SigRef /TransformMethod /DocMDP /TransformParams <</Type /TransformParams /P ${options.certify} /V /1.2>>>>`,
    );
  if (options.lockFields) {
    const fields = options.lockFields.map((f) => `(${f})`).join(' ');
    transforms.push(
      `<</Type /SigRef /TransformMethod /FieldMDP /TransformParams <</Type /TransformParams /Action /Include /Fields [${fields}] /V /1.2>>>>`,
    );
  }
  const reference = transforms.length > 0 ? ` /Reference [${transforms.join(' ')}]` : '';
  const sigText =
    `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /${options.subFilter ?? 'ETSI.CAdES.detached'} /M (D:${time}Z)${reference}` +
    ` /ByteRange [${' '.repeat(60)}] /Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>>>`;
  const objects = new Map<number, PdfValue | RawObject>([
    [sigNum, new RawObject(Buffer.from(sigText, 'latin1'))],
    [
      fieldNum,
      dict({
        Type: name('Annot'),
        Subtype: name('Widget'),
        FT: name('Sig'),
        T: new PdfString(Buffer.from(options.fieldName ?? 'CustomSignature'), false),
        Rect: [0, 0, 0, 0],
        F: 132,
        P: ref(firstPageNum),
        V: ref(sigNum),
        ...options.widget?.(fieldNum),
      }),
    ],
    [
      formNum,
      dict({
        ...Object.fromEntries(oldForm?.entries ?? []),
        Fields: [...(isArray(oldFields) ? oldFields : []), ref(fieldNum)],
        SigFlags: 3,
      }),
    ],
    [firstPageNum, withEntries(firstPage, { Annots: [...(isArray(annots) ? annots : []), ref(fieldNum)] })],
  ]);
  for (const [num, value] of options.objects?.(fieldNum) ?? []) objects.set(num, value);
  const rootNum = (rev.trailer.get('Root') as { num: number }).num;
  const catalogChanges: Record<string, PdfValue> = { AcroForm: ref(formNum) };
  if (options.certify) catalogChanges.Perms = dict({ DocMDP: ref(sigNum) });
  objects.set(rootNum, withEntries(catalog, catalogChanges));
  if (options.fillField !== undefined) {
    // the field is already in the form and on the page: only its value changes
    for (const num of [fieldNum, formNum, firstPageNum, rootNum]) objects.delete(num);
    const existing = rev.dict(ref(options.fillField));
    if (!existing) throw new Error(`no field ${options.fillField}`);
    objects.set(
      options.fillField,
      withEntries(existing, { V: ref(sigNum), ...options.widget?.(options.fillField) }),
    );
  }
  const out = appendRevision(pdf, objects);

  const contentsStart = out.indexOf('/Contents <', pdf.length) + '/Contents '.length;
  const contentsEnd = out.indexOf('>', contentsStart) + 1;
  const layout: SignedLayout = {
    contentsStart,
    contentsEnd,
    length: out.length,
    xrefStart: out.lastIndexOf('\nxref\n') + 1,
    eofStart: out.lastIndexOf('%%EOF'),
  };
  const byteRange = options.byteRange?.(layout) ?? [0, contentsStart, contentsEnd, out.length - contentsEnd];
  const brText = byteRange.join(' ');
  const brAt = out.indexOf('/ByteRange [', pdf.length) + '/ByteRange ['.length;
  out.write(brText.padEnd(60, ' '), brAt, 'latin1');
  const parts: Buffer[] = [];
  for (let i = 0; i < byteRange.length; i += 2)
    parts.push(out.subarray(byteRange[i], byteRange[i] + byteRange[i + 1]));
  const cms = options.cms ? await options.cms(parts) : await padesCms(parts, options.identity);
  out.write(cms.toString('hex'), contentsStart + 1, 'latin1');
  return out;
}

function padesCms(parts: Buffer[], identity: SigningIdentity): Promise<Buffer> {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p);
  return createPadesCms({ documentDigest: hash.digest(), identity });
}
