import { escapeXml } from './xml-escape';

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;');
  });

  it('does not escape twice what it is given once', () => {
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('keeps Vietnamese, tabs, line breaks and characters outside the BMP', () => {
    expect(escapeXml("Ea H'Leo\tĐắk Lắk\r\n\u{1F4C4}")).toBe('Ea H&apos;Leo\tĐắk Lắk\r\n\u{1F4C4}');
  });

  it('drops control characters and lone surrogates', () => {
    expect(escapeXml('a\u0000b\u0008c\u001fd\ud800e\udc00f\ufffeg')).toBe('abcdefg');
  });
});
