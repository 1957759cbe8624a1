import { isDict, PdfValue } from '../pdf-reader/pdf-values';
import { ChangeKind } from './change-kinds';
import { FieldInfo, Role } from './revision-graph';
import { ACTION_KEYS } from './revision-roles';
import { asDict, changedKeys } from './value-equality';

/** roles whose changes are judged by comparing lists (pages, fields, annotations) or the catalog, not per object */
const LIST_ROLES = new Set<Role>([
  'catalog',
  'acroform',
  'pages-kids',
  'annots',
  'acroform-fields',
  'field-kids',
  'doc-ts',
]);

const SUBTREE_KIND: Partial<Record<Role, ChangeKind>> = {
  annotation: 'ANNOTATION_MODIFIED',
  'sig-value': 'SIGNATURE_MODIFIED',
  'appearance-signed': 'SIGNATURE_MODIFIED',
  'appearance-unsigned': 'SIGNATURE_ADDED',
  'appearance-form': 'FORM_FILLED',
  'form-value': 'FORM_FILLED',
  'field-aux': 'FORM_FIELD_MODIFIED',
  'form-resources': 'FORM_RESOURCES_UPDATED',
  dss: 'DSS_UPDATED',
  metadata: 'METADATA_UPDATED',
  info: 'METADATA_UPDATED',
  struct: 'STRUCTURE_UPDATED',
  extensions: 'EXTENSIONS_UPDATED',
  perms: 'PERMISSIONS_MODIFIED',
  'document-other': 'OBJECT_MODIFIED',
  'page-contents': 'PAGE_CONTENT_CHANGED',
  'page-resources': 'PAGE_RESOURCES_CHANGED',
  'page-other': 'PAGE_MODIFIED',
  action: 'ACTION_CHANGED',
};
/** roles of dictionaries that may carry /A or /AA of their own */
const ACTION_HOLDERS = new Set<Role>([
  'sig-field',
  'sig-widget',
  'form-field',
  'form-widget',
  'annotation',
  'page',
]);

const NEW_OBJECT_KIND: Partial<Record<Role, ChangeKind>> = {
  annotation: 'ANNOTATION_ADDED',
  'sig-field': 'SIGNATURE_ADDED',
  'sig-widget': 'SIGNATURE_ADDED',
  'sig-value': 'SIGNATURE_ADDED',
  'appearance-signed': 'SIGNATURE_ADDED',
  'form-field': 'FORM_FIELD_ADDED',
  'form-widget': 'FORM_FIELD_ADDED',
};

const INHERITABLE_PAGE_KEYS = new Set(['Resources', 'MediaBox', 'CropBox', 'Rotate']);
const SIGNING_KEYS = new Set(['V', 'AP', 'AS', 'MK', 'DA', 'F']);
const FILLING_KEYS = new Set(['V', 'AS', 'AP', 'I', 'RV', 'DA', 'MK']);
const IGNORED_FIELD_KEYS = new Set(['Kids', 'P', 'Parent']);

export interface ObjectChange {
  readonly roles: ReadonlySet<Role>;
  readonly before: PdfValue;
  readonly after: PdfValue;
  /** the object did not exist before */
  readonly isNew: boolean;
  /** the field this object is or is a widget of, as it was before (for signed/unsigned) */
  readonly fieldBefore?: FieldInfo;
}

/**
 * The kinds of change one modified object amounts to. Objects that existed are judged by what they
 * were (their roles before), new objects by what they became: an object cannot launder a forbidden
 * change by changing its own role, because whatever now points to it changed too and is judged.
 */
export function classifyObjectChange(c: ObjectChange): ChangeKind[] {
  const kinds = new Set<ChangeKind>();
  const docTs = c.roles.has('doc-ts');
  const add = (k: ChangeKind): void => {
    kinds.add(docTs && k === 'SIGNATURE_ADDED' ? 'DOC_TIMESTAMP_ADDED' : k);
  };
  // keys whose values differ, the same whatever role the object is judged in (all keys of a new one)
  let changed: string[] | undefined;
  const changedKeysOf = (): string[] =>
    (changed ??= c.isNew
      ? [...(asDict(c.after)?.entries.keys() ?? [])]
      : changedKeys(asDict(c.before), asDict(c.after)));
  for (const role of c.roles) {
    if (LIST_ROLES.has(role)) continue;
    // an action runs whatever the object's other role allows: a signed field may not bring a script
    if (ACTION_HOLDERS.has(role) && changedKeysOf().some((k) => ACTION_KEYS.has(k))) add('ACTION_CHANGED');
    if (c.isNew) {
      const k = NEW_OBJECT_KIND[role];
      if (k) add(k);
      else if (role === 'pages-node') {
        if (changedKeysOf().some((key) => INHERITABLE_PAGE_KEYS.has(key))) add('PAGE_MODIFIED');
      } else if (role !== 'page') add(SUBTREE_KIND[role] ?? 'OBJECT_MODIFIED');
      continue;
    }
    const keys = changedKeysOf();
    switch (role) {
      case 'page':
        for (const key of keys) {
          if (key === 'Annots' || key === 'Parent' || key === 'AA') continue;
          if (key === 'Contents') add('PAGE_CONTENT_CHANGED');
          else if (key === 'Resources') add('PAGE_RESOURCES_CHANGED');
          else if (key === 'StructParents' || key === 'Tabs') add('STRUCTURE_UPDATED');
          else add('PAGE_MODIFIED');
        }
        break;
      case 'pages-node':
        for (const key of keys) {
          if (key === 'Kids' || key === 'Count' || key === 'Parent') continue;
          add(key === 'Resources' ? 'PAGE_RESOURCES_CHANGED' : 'PAGE_MODIFIED');
        }
        break;
      case 'sig-field':
      case 'sig-widget':
        if (c.fieldBefore?.signed) {
          if (keys.some((k) => !IGNORED_FIELD_KEYS.has(k) && !ACTION_KEYS.has(k))) add('SIGNATURE_MODIFIED');
          break;
        }
        for (const key of keys) {
          if (IGNORED_FIELD_KEYS.has(key) || ACTION_KEYS.has(key)) continue;
          if (SIGNING_KEYS.has(key)) add('SIGNATURE_ADDED');
          else if (key === 'StructParent') add('STRUCTURE_UPDATED');
          else add('FORM_FIELD_MODIFIED');
        }
        break;
      case 'form-field':
      case 'form-widget':
        for (const key of keys) {
          if (IGNORED_FIELD_KEYS.has(key) || ACTION_KEYS.has(key)) continue;
          if (FILLING_KEYS.has(key)) add('FORM_FILLED');
          else if (key === 'StructParent') add('STRUCTURE_UPDATED');
          else add('FORM_FIELD_MODIFIED');
        }
        break;
      case 'annotation': {
        // a changed action alone is reported as ACTION_CHANGED; anything else modifies the annotation
        const onlyActions = isDict(c.after) && keys.length > 0 && keys.every((k) => ACTION_KEYS.has(k));
        if (!onlyActions) add('ANNOTATION_MODIFIED');
        break;
      }
      default:
        add(SUBTREE_KIND[role] ?? 'OBJECT_MODIFIED');
    }
  }
  return [...kinds];
}
