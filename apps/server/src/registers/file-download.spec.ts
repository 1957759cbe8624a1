import { contentDisposition } from './file-download';

describe('contentDisposition', () => {
  it('gives an ASCII name and the UTF-8 name encoded per RFC 5987', () => {
    expect(contentDisposition('Sổ đăng ký (2026) Đi.pdf')).toBe(
      `attachment; filename="So dang ky (2026) Di.pdf"; filename*=UTF-8''S%E1%BB%95%20%C4%91%C4%83ng%20k%C3%BD%20%282026%29%20%C4%90i.pdf`,
    );
  });

  it('keeps path separators, quotes and control characters out of the name', () => {
    const header = contentDisposition('Hồ sơ 01/VP\\"x"\r\n.xml');
    expect(header).toBe(
      `attachment; filename="Ho so 01-VP-_x_--.xml"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1%2001-VP-%22x%22--.xml`,
    );
  });

  it('drops invisible formatting characters: a right-to-left override cannot disguise the extension', () => {
    const header = contentDisposition('Phụ lục\u202excod.exe\u200b');
    expect(header).not.toMatch(/%E2%80%AE|%E2%80%8B/);
    expect(header).toMatch(/filename="Phu lucxcod\.exe"/);
  });
});
