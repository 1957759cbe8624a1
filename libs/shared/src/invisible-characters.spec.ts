import { withoutInvisibleCharacters } from './invisible-characters';

describe('withoutInvisibleCharacters', () => {
  it('drops bidirectional overrides, zero-width characters and separators, and keeps Vietnamese', () => {
    expect(withoutInvisibleCharacters('Phụ lục\u202excod.exe')).toBe('Phụ lụcxcod.exe');
    expect(withoutInvisibleCharacters('a\u200bb\u2066c\u2069\u00add\u2028e')).toBe('abcde');
    expect(withoutInvisibleCharacters('Quyết định số 12/QĐ-UBND.pdf')).toBe('Quyết định số 12/QĐ-UBND.pdf');
  });
});
