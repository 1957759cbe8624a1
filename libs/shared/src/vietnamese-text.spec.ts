import { foldVietnamese } from './vietnamese-text';

describe('foldVietnamese', () => {
  it('removes diacritics, folds đ and lowers case', () => {
    expect(foldVietnamese('Quyết định')).toBe('quyet dinh');
    expect(foldVietnamese("ỦY BAN NHÂN DÂN HUYỆN EA H'LEO")).toBe("uy ban nhan dan huyen ea h'leo");
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
  });

  it('folds full-width and other compatibility forms to plain letters and digits', () => {
    expect(foldVietnamese('ＱＵＹＥＴ ｄｉｎｈ')).toBe('quyet dinh');
    expect(foldVietnamese('Ｑｕｙếｔ ĐỊＮＨ １２')).toBe('quyet dinh 12');
    expect(foldVietnamese('ﬁle ②')).toBe('file 2');
  });

  it('treats precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Tr\u01b0\u1edd\u006e\u0067')).toBe(foldVietnamese('Trường'.normalize('NFD')));
  });
});
