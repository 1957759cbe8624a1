import { isArray, isDict, PdfDict, PdfRef, PdfStream, PdfValue } from '../pdf-reader/pdf-values';

/** What an object is for, found by walking the document from its catalog. One object may have several. */
export type Role =
  | 'catalog'
  | 'pages-node'
  | 'pages-kids'
  | 'page'
  | 'annots'
  | 'annotation'
  | 'sig-field'
  | 'sig-widget'
  | 'form-field'
  | 'form-widget'
  | 'field-kids'
  | 'sig-value'
  | 'appearance-signed'
  | 'appearance-unsigned'
  | 'appearance-form'
  | 'form-value'
  | 'field-aux'
  | 'acroform'
  | 'acroform-fields'
  | 'form-resources'
  | 'dss'
  | 'metadata'
  | 'info'
  | 'struct'
  | 'extensions'
  | 'perms'
  | 'document-other'
  | 'page-contents'
  | 'page-resources'
  | 'page-other'
  /** an action (/OpenAction, /AA, /A): what a viewer runs or opens, not what it shows */
  | 'action'
  /** a tag, not a role: the object belongs to a document timestamp field */
  | 'doc-ts';

export interface FieldInfo {
  /** object number of the terminal field (the widget itself when field and widget are one dictionary) */
  readonly num: number;
  readonly name: string;
  readonly sig: boolean;
  readonly signed: boolean;
  readonly docTs: boolean;
  /** /V of a signature field as written (a reference, or a direct dictionary) */
  readonly value?: PdfValue;
}

export const CATALOG_ROLES: Record<string, Role> = {
  DSS: 'dss',
  Metadata: 'metadata',
  Perms: 'perms',
  StructTreeRoot: 'struct',
  MarkInfo: 'struct',
  Extensions: 'extensions',
  OpenAction: 'action',
  AA: 'action',
};
/** keys of annotations, fields and pages that hold actions */
export const ACTION_KEYS = new Set(['A', 'AA']);
const STRUCTURAL_TYPES = new Set(['Catalog', 'Pages', 'Page', 'Annot', 'Sig', 'DocTimeStamp']);
export const SKIPPED_KEYS = new Set(['P', 'Parent', 'Data', 'IRT', 'Pg']);

export const EMPTY_ROLES: ReadonlySet<Role> = new Set();

export function isComposite(v: PdfValue): boolean {
  return v instanceof PdfRef || isDict(v) || isArray(v) || v instanceof PdfStream;
}

/** objects a subtree walk must not claim: they have roles of their own */
export function isStructural(d: PdfDict, role: Role): boolean {
  const type = d.name('Type');
  if (type && STRUCTURAL_TYPES.has(type))
    return !(role === 'annotation' && type === 'Annot' && d.name('Subtype') !== 'Widget');
  if (d.name('Subtype') === 'Widget' || d.has('FT')) return true;
  // annotations without /Type
  return role !== 'annotation' && d.has('Subtype') && d.has('Rect') && !d.has('BBox');
}
