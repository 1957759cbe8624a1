import { PdfDict, PdfRef, PdfString, isName, type PdfValue } from '../io/pdf-objects';
import type { PdfReader } from '../io/pdf-reader';
import { decodeTextString } from '../io/pdf-text';
import { toBox, type Box } from './page-tree';

/** A widget of a signature field already in the document. */
export interface ExistingSignatureWidget {
  readonly fieldName: string;
  readonly signed: boolean;
  readonly pageRef: PdfRef | undefined;
  readonly rect: Box | undefined;
}

export interface FormSummary {
  /** Fully qualified names of every field (for choosing a unique new name). */
  readonly fieldNames: Set<string>;
  /** Signature widgets in /Fields order (document order of signing, in practice). */
  readonly signatureWidgets: ExistingSignatureWidget[];
}

const MAX_FIELDS = 100_000;

/**
 * Walks the AcroForm field tree once: full names (parent names joined by "."), and the widgets of
 * signature fields (a field's own widget or its kids without /T).
 */
export function summarizeForm(reader: PdfReader, acroForm: PdfDict | undefined): FormSummary {
  const fieldNames = new Set<string>();
  const signatureWidgets: ExistingSignatureWidget[] = [];
  const seen = new Set<number>();
  let visited = 0;
  const visit = (
    value: PdfValue,
    parentName: string | undefined,
    inheritedType: string | undefined,
    depth: number,
  ): void => {
    if (depth > 32 || ++visited > MAX_FIELDS) return;
    if (value instanceof PdfRef) {
      if (seen.has(value.num)) return;
      seen.add(value.num);
    }
    const field = reader.dict(value);
    if (!field) return;
    const partial = reader.resolve(field.get('T'));
    const ownName = partial instanceof PdfString ? decodeTextString(partial.bytes) : undefined;
    const fullName = ownName === undefined ? parentName : parentName ? `${parentName}.${ownName}` : ownName;
    const typeValue = reader.resolve(field.get('FT'));
    const fieldType = isName(typeValue) ? typeValue.name : inheritedType;
    if (ownName !== undefined && fullName) fieldNames.add(fullName);
    const kids = reader.array(field.get('Kids')) ?? [];
    const kidFields = kids.filter((kid) => reader.dict(kid)?.has('T'));
    if (fieldType === 'Sig' && ownName !== undefined) {
      const signed = reader.resolve(field.get('V')) instanceof PdfDict;
      const widgets =
        kids.length > 0 && kidFields.length === 0
          ? kids
          : isName(field.get('Subtype'), 'Widget')
            ? [value]
            : [];
      for (const widget of widgets) {
        const widgetDict = reader.dict(widget);
        if (!widgetDict) continue;
        const page = widgetDict.get('P');
        signatureWidgets.push({
          fieldName: fullName ?? '',
          signed,
          pageRef: page instanceof PdfRef ? page : undefined,
          rect: toBox(reader, widgetDict.get('Rect')),
        });
      }
    }
    for (const kid of kidFields) visit(kid, fullName, fieldType, depth + 1);
  };
  for (const field of reader.array(acroForm?.get('Fields')) ?? []) visit(field, undefined, undefined, 0);
  return { fieldNames, signatureWidgets };
}

/** The smallest `<prefix><n>` not yet used as a full field name. */
export function uniqueFieldName(prefix: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${prefix}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The DocMDP permission of a certified document (1 = no changes, 2 = form filling and signing,
 * 3 = also annotations), or undefined when the document is not certified.
 */
export function docMdpPermission(reader: PdfReader, catalog: PdfDict): number | undefined {
  const perms = reader.dict(catalog.get('Perms'));
  const signature = perms && reader.dict(perms.get('DocMDP'));
  if (!signature) return undefined;
  for (const reference of reader.array(signature.get('Reference')) ?? []) {
    const ref = reader.dict(reference);
    if (!ref || !isName(reader.resolve(ref.get('TransformMethod')), 'DocMDP')) continue;
    const params = reader.dict(ref.get('TransformParams'));
    return reader.number(params?.get('P')) ?? 2;
  }
  return 2;
}
