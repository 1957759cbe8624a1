import { buildSearchText, toPrefixTsQuery } from './search-text';

describe('search text', () => {
  const entry = {
    subject: 'Quyết định về việc phê duyệt Kế hoạch phòng, chống thiên tai năm 2026',
    codeNumber: '12',
    codeNotation: 'QĐ-UBND',
    organName: "UBND huyện Ea H'Leo",
    organId: '000.00.12.H15',
    signerName: 'Nguyễn Văn Đức',
    description: null,
    toPlaces: null,
    documentIdentifier: null,
  };

  it('folds diacritics and case of every searchable field', () => {
    const text = buildSearchText(entry, 'Quyết định');
    expect(text).toContain('quyet dinh ve viec phe duyet ke hoach');
    expect(text).toContain('nguyen van duc');
    expect(text).toContain('12/qd-ubnd');
    expect(text).toContain('qd ubnd');
    expect(text).not.toMatch(/[ếịệĐđ]/);
  });

  it("ends with the type's name, so a subject that does not repeat it is found by it", () => {
    const plan = {
      ...entry,
      subject: 'Phê duyệt Kế hoạch phòng, chống thiên tai năm 2026',
      codeNotation: null,
    };
    expect(buildSearchText(plan, 'Quyết định')).toMatch(/ quyet dinh$/);
    expect(buildSearchText(plan, null)).not.toContain('quyet');
  });

  it('folds full-width letters in the text and in the query', () => {
    expect(buildSearchText({ ...entry, subject: 'Ｋế ｈｏạｃｈ' }, null)).toMatch(/^ke hoach /);
    expect(toPrefixTsQuery('ｑｕｙｅｔ ＤỊＮＨ')).toBe('quyet & dinh:*');
  });

  it('turns a query into an AND of folded words with a prefix on the last', () => {
    expect(toPrefixTsQuery('Quyết  định phê du')).toBe('quyet & dinh & phe & du:*');
    expect(toPrefixTsQuery('QUYET DINH')).toBe('quyet & dinh:*');
  });

  it('drops tsquery operators so any input is safe, and returns null for nothing', () => {
    expect(toPrefixTsQuery("a & b | !c ( ) ' :*")).toBe('a & b & c:*');
    expect(toPrefixTsQuery('  &|!  ')).toBeNull();
    for (const nothing of ['*', '%', '%%', '_', '😀', '📄🔍', '*%?'] as const)
      expect(toPrefixTsQuery(nothing)).toBeNull();
  });
});
