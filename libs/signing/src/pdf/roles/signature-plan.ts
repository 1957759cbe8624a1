import type { PageInfo } from '../document/page-tree';
import type { PdfDocument } from '../document/pdf-document';
import type { WidgetPlan } from '../signature/append-signature';

/** What a role decides: the field's name prefix and its widgets (none for an invisible signature). */
export interface RolePlan {
  readonly fieldPrefix: string;
  readonly widgets: readonly WidgetPlan[];
  readonly invisiblePage: PageInfo;
}

/** Facts about the signing event every role may use. */
export interface RoleContext {
  readonly doc: PdfDocument;
  readonly signingTime: Date;
  /** The certificate holder's common name. */
  readonly certificateName: string | undefined;
}

export function firstPage(doc: PdfDocument): PageInfo {
  const page = doc.page(0);
  if (!page) throw new Error('document without a first page');
  return page;
}

/** `12` and `'12'` stay, numbers below 10 get a leading zero (`05`), as ND30 writes them. */
export function formatDocumentNumber(value: number | string): string {
  const text = String(value).trim();
  return /^\d$/.test(text) ? `0${text}` : text;
}

/** Runs `write` once per update and hands the same result to every later caller. */
export function once<A, R>(write: (arg: A) => R): (arg: A) => R {
  let done = false;
  let result: R;
  return (arg) => {
    if (!done) {
      result = write(arg);
      done = true;
    }
    return result;
  };
}
