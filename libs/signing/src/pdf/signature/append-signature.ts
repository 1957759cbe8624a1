import { pdfSigningError } from '../../pdf-signing.errors';
import type { Box, PageInfo } from '../document/page-tree';
import type { PdfDocument } from '../document/pdf-document';
import { uniqueFieldName } from '../document/form-fields';
import { IncrementalUpdate } from '../io/incremental-update';
import { PdfDict, PdfRef, dict, name, type PdfValue } from '../io/pdf-objects';
import { pdfDateVietnam, textString } from '../io/pdf-text';
import { byteRangePlaceholder, contentsPlaceholder, digestSignedBytes, formatByteRange } from './byte-range';

/** One widget of the new signature field: where, and the appearance stream (a Form XObject). */
export interface WidgetPlan {
  readonly page: PageInfo;
  readonly rect: Box;
  readonly appearance: (update: IncrementalUpdate) => PdfRef;
}

export interface SignaturePlan {
  readonly fieldPrefix: string;
  /** Empty for an invisible signature (a zero-size widget on `invisiblePage`). */
  readonly widgets: readonly WidgetPlan[];
  readonly invisiblePage: PageInfo;
  readonly signingTime: Date;
  readonly reason?: string;
  readonly location?: string;
  readonly signerName?: string;
  /** Bytes reserved for the DER CMS in /Contents. */
  readonly contentsBytes: number;
  /** node:crypto hash name of the document digest. */
  readonly digest: 'sha256' | 'sha384' | 'sha512';
}

/** Signs the document digest and returns the DER CMS (SignedData). */
export type CmsProducer = (documentDigest: Buffer) => Promise<Buffer>;

const PRINT_AND_LOCKED = 4 | 128;

function rectArray(box: Box): number[] {
  return [box.x1, box.y1, box.x2, box.y2].map((v) => Math.round(v * 1000) / 1000);
}

/**
 * Appends one incremental update holding a new signature field with its widgets, signs it, and
 * returns input + update. The input's bytes are never modified: earlier signatures stay valid.
 */
export async function appendSignature(
  doc: PdfDocument,
  plan: SignaturePlan,
  produceCms: CmsProducer,
): Promise<Buffer> {
  const { reader } = doc;
  const input = reader.buffer;
  const update = new IncrementalUpdate(reader);

  const signature = dict({
    Type: name('Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name('ETSI.CAdES.detached'),
    ByteRange: byteRangePlaceholder(),
    Contents: contentsPlaceholder(plan.contentsBytes),
    M: textString(pdfDateVietnam(plan.signingTime)),
    Name: plan.signerName ? textString(plan.signerName) : undefined,
    Reason: plan.reason ? textString(plan.reason) : undefined,
    Location: plan.location ? textString(plan.location) : undefined,
  });
  const signatureRef = update.add(signature);
  const fieldRef = update.allocate();
  const fieldName = uniqueFieldName(plan.fieldPrefix, doc.form.fieldNames);
  const field = dict({ FT: name('Sig'), T: textString(fieldName), V: signatureRef });

  const annotsByPage = new Map<number, { page: PageInfo; refs: PdfRef[] }>();
  const addToPage = (page: PageInfo, ref: PdfRef): void => {
    const entry = annotsByPage.get(page.ref.num) ?? { page, refs: [] };
    entry.refs.push(ref);
    annotsByPage.set(page.ref.num, entry);
  };
  const widgetEntries = (page: PageInfo, rect: Box, appearance?: PdfRef): Record<string, PdfValue> => ({
    Type: name('Annot'),
    Subtype: name('Widget'),
    Rect: rectArray(rect),
    F: PRINT_AND_LOCKED,
    P: page.ref,
    ...(appearance ? { AP: dict({ N: appearance }) } : {}),
  });

  if (plan.widgets.length <= 1) {
    // One widget: the field and its widget share one dictionary, as most signers write it.
    const only = plan.widgets[0];
    const page = only?.page ?? plan.invisiblePage;
    const rect = only?.rect ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
    const appearance = only ? only.appearance(update) : undefined;
    for (const [key, value] of Object.entries(widgetEntries(page, rect, appearance))) field.set(key, value);
    addToPage(page, fieldRef);
  } else {
    // Several widgets (number, date, seal) of ONE signature field. Kids without /T are "different
    // representations of the same underlying field" that "shall have the same ... value (V)" (ISO
    // 32000-1 12.7.3.2), so each kid repeats /V: poppler reads every kid as a field of its own, does
    // not inherit /V, and would otherwise report the organisation's signature as unsigned.
    const kids: PdfRef[] = [];
    for (const widget of plan.widgets) {
      const entries = widgetEntries(widget.page, widget.rect, widget.appearance(update));
      const widgetRef = update.add(dict({ ...entries, Parent: fieldRef, V: signatureRef }));
      kids.push(widgetRef);
      addToPage(widget.page, widgetRef);
    }
    field.set('Kids', kids);
  }
  update.set(fieldRef, field);

  for (const { page, refs } of annotsByPage.values()) addAnnotations(doc, update, page, refs);
  addField(doc, update, fieldRef);

  const { bytes, offsets } = update.serialize();
  const base = input.length;
  const signatureStart = offsets.get(signatureRef.num)!;
  const rangeAt = bytes.indexOf('/ByteRange [', signatureStart, 'latin1') + '/ByteRange '.length;
  const contentsAt = bytes.indexOf('/Contents <', signatureStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + 2 + plan.contentsBytes * 2;
  const total = base + bytes.length;
  const range = [0, base + contentsAt, base + contentsEnd, total - (base + contentsEnd)] as const;
  bytes.write(formatByteRange(range), rangeAt, 'latin1');

  const documentDigest = digestSignedBytes(plan.digest, [
    input,
    bytes.subarray(0, contentsAt),
    bytes.subarray(contentsEnd),
  ]);
  const cms = await produceCms(documentDigest);
  if (cms.length > plan.contentsBytes) {
    throw pdfSigningError('SIGNATURE_PLACEHOLDER_TOO_SMALL', {
      reserved: plan.contentsBytes,
      needed: cms.length,
    });
  }

  const output = Buffer.allocUnsafe(total);
  input.copy(output, 0);
  bytes.copy(output, base);
  output.write(cms.toString('hex'), base + contentsAt + 1, 'latin1');
  // The promise of incremental signing: every byte of the input, earlier signatures included, is kept.
  if (output.compare(input, 0, base, 0, base) !== 0)
    throw new Error('incremental update changed the input bytes');
  return output;
}

function addAnnotations(doc: PdfDocument, update: IncrementalUpdate, page: PageInfo, refs: PdfRef[]): void {
  const { reader } = doc;
  const annots = page.dict.get('Annots');
  if (annots instanceof PdfRef && Array.isArray(reader.get(annots))) {
    // An indirect /Annots array is replaced on its own; the page object stays untouched.
    update.set(annots, [...(reader.get(annots) as PdfValue[]), ...refs]);
    return;
  }
  const existing = reader.array(annots) ?? [];
  update.set(page.ref, page.dict.clone().set('Annots', [...existing, ...refs]));
}

function addField(doc: PdfDocument, update: IncrementalUpdate, fieldRef: PdfRef): void {
  const { reader, catalog } = doc;
  const acroFormValue = catalog.get('AcroForm');
  const acroForm = doc.acroForm ? doc.acroForm.clone() : new PdfDict();
  const sigFlags = (reader.number(acroForm.get('SigFlags')) ?? 0) | 3;
  const needsFlags = reader.number(acroForm.get('SigFlags')) !== sigFlags;
  const fields = acroForm.get('Fields');
  let acroFormChanged = needsFlags || !doc.acroForm;
  if (fields instanceof PdfRef && Array.isArray(reader.get(fields))) {
    update.set(fields, [...(reader.get(fields) as PdfValue[]), fieldRef]);
  } else {
    acroForm.set('Fields', [...(reader.array(fields) ?? []), fieldRef]);
    acroFormChanged = true;
  }
  if (!acroFormChanged) return;
  acroForm.set('SigFlags', sigFlags);
  if (acroFormValue instanceof PdfRef && doc.acroForm) update.set(acroFormValue, acroForm);
  else update.set(reader.rootRef, catalog.clone().set('AcroForm', update.add(acroForm)));
}
