/**
 * Folds Vietnamese text for comparison and search: lower case, no diacritics, đ → d.
 * "Quyết định" and "QUYET DINH" both fold to "quyet dinh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
