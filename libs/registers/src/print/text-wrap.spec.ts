import { wrapText } from './text-wrap';

/** Every character one unit wide: widths are lengths. */
const width = (text: string) => [...text].length;

describe('wrapText', () => {
  it('breaks at spaces, keeping each line within the width', () => {
    expect(wrapText('Quyết định về việc phê duyệt kế hoạch', 12, width)).toEqual([
      'Quyết định',
      'về việc phê',
      'duyệt kế',
      'hoạch',
    ]);
  });

  it('keeps the line breaks of the text and collapses runs of spaces', () => {
    expect(wrapText('Nơi nhận:\r\n-  Như trên;\n- Lưu: VT.', 40, width)).toEqual([
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
    ]);
  });

  it('cuts a word longer than the line, and only such a word', () => {
    expect(wrapText('ab vanthu@ubnd.ealeo.gov.vn cd', 8, width)).toEqual([
      'ab',
      'vanthu@u',
      'bnd.eale',
      'o.gov.vn',
      'cd',
    ]);
  });

  it('puts one character on a line when the column is narrower than any character', () => {
    expect(wrapText('abc', 0.5, width)).toEqual(['a', 'b', 'c']);
  });

  it('gives no lines for an empty text and measures composed (NFC) characters', () => {
    expect(wrapText('  ', 10, width)).toEqual([]);
    expect(wrapText('Vie\u0302\u0323t', 4, width)).toEqual(['Việt']);
  });
});
