/**
 * Folds Vietnamese text for comparison and search: lower case, no diacritics, đ → d, and
 * compatibility forms to their plain letters (NFKC: full-width "ｑｕｙｅｔ" from an East Asian input
 * method, ligatures, circled or superscript digits). "Quyết định", "QUYET DINH" and
 * "Ｑｕｙｅｔ ｄｉｎｈ" all fold to "quyet dinh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
