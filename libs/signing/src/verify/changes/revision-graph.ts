import { PdfRevision } from '../pdf-reader/pdf-revision';
import { isArray, PdfDict, PdfRef, PdfString, PdfValue } from '../pdf-reader/pdf-values';
import { ObjectRoles } from './object-roles';
import { ACTION_KEYS, CATALOG_ROLES, FieldInfo, Role } from './revision-roles';

export type { FieldInfo, Role } from './revision-roles';

const PAGE_KEY_ROLES: Record<string, Role> = {
  Contents: 'page-contents',
  Resources: 'page-resources',
  AA: 'action',
};

/**
 * The object graph of one revision with a role for every reachable object, the ordered page list,
 * each page's annotations and every terminal form field. Built only for revisions whose neighbour
 * changed something, by walking once from the trailer.
 */
export class RevisionGraph extends ObjectRoles {
  readonly pages: number[] = [];
  /** page tree entries that are dictionaries written inline instead of referenced: some viewers draw them */
  readonly directPages: PdfDict[] = [];
  /** page tree nodes whose /Count is not the number of pages under them (pdf.js trusts /Count) */
  readonly wrongCounts = new Map<number, PdfValue>();
  readonly annots = new Map<number, number[]>();
  /** annotations written inline in a page's /Annots: they have no object number to be judged by */
  readonly directAnnots = new Map<number, PdfDict[]>();
  readonly fields = new Map<number, FieldInfo>();
  readonly widgets = new Map<number, FieldInfo>();
  private readonly walkedFields = new Set<number>();
  private readonly walkedPages = new Set<number>();

  private constructor(rev: PdfRevision) {
    super(rev);
  }

  static build(rev: PdfRevision): RevisionGraph {
    const g = new RevisionGraph(rev);
    g.subtree(rev.trailer.get('Info'), 'info');
    const root = rev.trailer.get('Root');
    if (root instanceof PdfRef) g.mark(root.num, 'catalog');
    const catalog = rev.dict(root);
    if (!catalog) return g;
    // fields first, so widgets met on pages already know their field
    g.safely(() => g.walkAcroForm(catalog.get('AcroForm')));
    g.safely(() => g.walkPages(catalog.get('Pages'), 0));
    for (const [key, value] of catalog.entries) {
      if (key === 'Pages' || key === 'AcroForm' || key === 'Type') continue;
      g.subtree(value, CATALOG_ROLES[key] ?? 'document-other');
    }
    return g;
  }

  /** walks a page tree node and answers how many pages lie under it */
  private walkPages(value: PdfValue | undefined, depth: number): number {
    if (depth > 64) return 0;
    const num = value instanceof PdfRef ? value.num : undefined;
    if (num !== undefined) {
      if (this.walkedPages.has(num)) return 0;
      this.walkedPages.add(num);
    }
    const node = this.rev.dict(value);
    if (!node) return 0;
    const kids = node.get('Kids');
    if (node.name('Type') === 'Pages' || (node.name('Type') !== 'Page' && kids !== undefined)) {
      if (num !== undefined) this.mark(num, 'pages-node');
      if (kids instanceof PdfRef) this.mark(kids.num, 'pages-kids');
      const list = this.rev.resolve(kids);
      let count = 0;
      if (isArray(list))
        for (const kid of list)
          this.safely(() => {
            count += this.walkPages(kid, depth + 1);
          });
      const declared = this.rev.resolve(node.get('Count')) ?? null;
      if (declared !== count) this.wrongCounts.set(num ?? -depth - 1, declared);
      for (const [k, v] of node.entries) {
        if (k === 'Kids' || k === 'Parent' || k === 'Type' || k === 'Count') continue;
        this.subtree(v, k === 'Resources' ? 'page-resources' : 'page-other');
      }
      return count;
    }
    if (num === undefined) {
      this.directPages.push(node);
      return 1;
    }
    this.pages.push(num);
    this.mark(num, 'page');
    for (const [k, v] of node.entries) {
      if (k === 'Parent' || k === 'Type') continue;
      if (k === 'Annots') this.walkAnnots(num, v);
      else this.subtree(v, PAGE_KEY_ROLES[k] ?? 'page-other');
    }
    return 1;
  }

  private walkAnnots(page: number, value: PdfValue): void {
    if (value instanceof PdfRef) this.mark(value.num, 'annots');
    const list = this.rev.resolve(value);
    const nums: number[] = [];
    this.annots.set(page, nums);
    if (!isArray(list)) return;
    for (const item of list) {
      if (!(item instanceof PdfRef)) {
        if (item instanceof PdfDict) {
          const direct = this.directAnnots.get(page);
          if (direct) direct.push(item);
          else this.directAnnots.set(page, [item]);
        }
        this.subtree(item, 'annotation');
        continue;
      }
      nums.push(item.num);
      this.safely(() => {
        const annot = this.rev.dict(item);
        if (annot?.name('Subtype') !== 'Widget') {
          this.subtree(item, 'annotation');
          for (const k of ACTION_KEYS) this.subtree(annot?.get(k), 'action');
          return;
        }
        // a widget its field does not list in /Kids is still drawn: it belongs to the field it names
        let info = this.widgets.get(item.num);
        if (!info) this.widgets.set(item.num, (info = this.fieldInfoByClimbing(item.num, annot)));
        this.walkWidget(item.num, annot, info);
      });
    }
  }

  private walkAcroForm(value: PdfValue | undefined): void {
    if (value instanceof PdfRef) this.mark(value.num, 'acroform');
    const form = this.rev.dict(value);
    if (!form) return;
    const fields = form.get('Fields');
    if (fields instanceof PdfRef) this.mark(fields.num, 'acroform-fields');
    const list = this.rev.resolve(fields);
    if (isArray(list))
      for (const f of list) this.safely(() => this.walkField(f, '', undefined, undefined, 0));
    for (const [k, v] of form.entries) {
      if (k === 'Fields') continue;
      this.subtree(v, k === 'DR' ? 'form-resources' : k === 'XFA' ? 'document-other' : 'field-aux');
    }
  }

  private walkField(
    ref: PdfValue,
    parentName: string,
    ft: string | undefined,
    v: PdfValue | undefined,
    depth: number,
  ): void {
    if (!(ref instanceof PdfRef) || depth > 32 || this.walkedFields.has(ref.num)) return;
    this.walkedFields.add(ref.num);
    const field = this.rev.dict(ref);
    if (!field) return;
    const t = this.rev.resolve(field.get('T'));
    const name = t instanceof PdfString ? (parentName ? `${parentName}.${t.text}` : t.text) : parentName;
    const fieldType = field.name('FT') ?? ft;
    const value = field.get('V') ?? v;
    const kids = field.get('Kids');
    const kidList = this.rev.resolve(kids);
    const info = this.infoFor(ref.num, name, fieldType, value);
    const sigRole: Role = info.sig ? 'sig-field' : 'form-field';
    if (isArray(kidList) && kidList.length > 0) {
      if (kids instanceof PdfRef) this.mark(kids.num, 'field-kids');
      const kidFields = kidList.filter((k) => this.rev.dict(k)?.has('T'));
      if (kidFields.length === 0) this.fields.set(ref.num, info);
      for (const kid of kidList) {
        if (!(kid instanceof PdfRef)) continue;
        const kd = this.rev.dict(kid);
        if (kd?.has('T')) this.walkField(kid, name, fieldType, value, depth + 1);
        else if (kd) {
          this.widgets.set(kid.num, info);
          this.walkWidget(kid.num, kd, info);
        }
      }
    } else {
      this.fields.set(ref.num, info);
    }
    if (field.name('Subtype') === 'Widget') {
      this.widgets.set(ref.num, info);
      this.walkWidget(ref.num, field, info);
    } else {
      this.mark(ref.num, sigRole);
      if (info.docTs) this.mark(ref.num, 'doc-ts');
    }
    for (const [k, val] of field.entries) {
      if (k === 'V')
        this.subtree(val, info.sig ? 'sig-value' : 'form-value', info.docTs ? 'doc-ts' : undefined, info);
      else if (k === 'DV' || k === 'Opt') this.subtree(val, 'form-value');
      else if (
        k !== 'Kids' &&
        k !== 'Parent' &&
        k !== 'P' &&
        k !== 'AP' &&
        k !== 'MK' &&
        field.name('Subtype') !== 'Widget'
      )
        this.subtree(val, ACTION_KEYS.has(k) ? 'action' : 'field-aux');
    }
  }

  private walkWidget(num: number, widget: PdfDict, info: FieldInfo): void {
    const role: Role = info.sig ? 'sig-widget' : 'form-widget';
    if (!this.mark(num, role)) return;
    const tag = info.docTs ? 'doc-ts' : undefined;
    if (tag) this.mark(num, tag);
    const appearance: Role = !info.sig
      ? 'appearance-form'
      : info.signed
        ? 'appearance-signed'
        : 'appearance-unsigned';
    for (const [k, v] of widget.entries) {
      if (k === 'P' || k === 'Parent' || k === 'V' || k === 'Kids') continue;
      const r: Role =
        k === 'AP' || k === 'MK'
          ? appearance
          : k === 'DV'
            ? 'form-value'
            : ACTION_KEYS.has(k)
              ? 'action'
              : 'field-aux';
      this.subtree(v, r, tag, info);
    }
  }

  private infoFor(num: number, name: string, ft: string | undefined, value: PdfValue | undefined): FieldInfo {
    const sig = ft === 'Sig';
    const v = sig ? this.rev.dict(value) : undefined;
    const docTs =
      v !== undefined && (v.name('Type') === 'DocTimeStamp' || v.name('SubFilter') === 'ETSI.RFC3161');
    return { num, name, sig, signed: v !== undefined, docTs, value: sig ? value : undefined };
  }

  /**
   * A widget met on a page but not through the form: find its field by following /Parent. The field
   * is the nearest dictionary with a name (/T), else the widget itself.
   */
  private fieldInfoByClimbing(widgetNum: number, widget: PdfDict): FieldInfo {
    let ft: string | undefined;
    let value: PdfValue | undefined;
    let field: number | undefined;
    let num: number | undefined = widgetNum;
    let d: PdfDict | undefined = widget;
    for (let i = 0; d && i < 32; i++) {
      ft ??= d.name('FT');
      value ??= d.get('V');
      if (field === undefined && d.has('T') && num !== undefined) field = num;
      const parent = d.get('Parent');
      num = parent instanceof PdfRef ? parent.num : undefined;
      d = this.rev.dict(parent);
    }
    return this.infoFor(field ?? widgetNum, '', ft, value);
  }
}
