import { OPAQUE_MEDIA_TYPE, PDF_MEDIA_TYPE, storedMediaType } from './media-type';

describe('storedMediaType', () => {
  it('goes by the extension, whatever the declared type says', () => {
    expect(storedMediaType('Phụ lục 1.DOCX', 'application/pdf')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(storedMediaType('bang-tong-hop.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(storedMediaType('cong-van.pdf', 'application/octet-stream')).toBe(PDF_MEDIA_TYPE);
  });

  it('takes an allowed declared type when the name has no known extension', () => {
    expect(storedMediaType('anh-hien-truong', 'image/jpeg; name=x')).toBe('image/jpeg');
    expect(storedMediaType('bao-cao.v2', 'application/msword')).toBe('application/msword');
  });

  it('never serves a file as something a browser would render or run', () => {
    for (const [name, declared] of [
      ['trang.html', 'text/html'],
      ['hinh.svg', 'image/svg+xml'],
      ['du-lieu.xml', 'application/xml'],
      ['script.js', 'text/javascript'],
      ['khong-ten', 'text/html; charset=utf-8'],
      ['khong-ten', undefined],
    ] as const)
      expect(storedMediaType(name, declared)).toBe(OPAQUE_MEDIA_TYPE);
  });
});
