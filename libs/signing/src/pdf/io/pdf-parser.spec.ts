import { PdfDict, PdfName, PdfRef, PdfStream, PdfString } from './pdf-objects';
import { PdfKeyword, PdfParser } from './pdf-parser';
import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';
import { PdfWriter } from './pdf-serializer';

const parse = (text: string) => new PdfParser(Buffer.from(text, 'latin1')).parseValue();

describe('PdfParser', () => {
  it('reads numbers, booleans, null, names with #-escapes and references', () => {
    expect(parse('42')).toBe(42);
    expect(parse('-3.5')).toBe(-3.5);
    expect(parse('.5')).toBe(0.5);
    expect(parse('true')).toBe(true);
    expect(parse('null')).toBeNull();
    expect(parse('/A#20B')).toBe(PdfName.of('A B'));
    const ref = parse('12 0 R') as PdfRef;
    expect(ref).toBeInstanceOf(PdfRef);
    expect([ref.num, ref.gen]).toEqual([12, 0]);
    expect(parse('[7 2 0 R 3 4 5 R /N]')).toEqual([
      7,
      new PdfRef(2, 0),
      3,
      new PdfRef(4, 5),
      PdfName.of('N'),
    ]);
  });

  it('decodes literal strings with escapes, octal codes, nested parentheses and line continuations', () => {
    const value = parse('(a\\(b\\) (c) \\101\\n\\\\ x\\\ny)') as PdfString;
    expect(value.bytes.toString('latin1')).toBe('a(b) (c) A\n\\ xy');
    expect((parse('<48 65 6C6C 6F7>') as PdfString).bytes.toString('latin1')).toBe('Hellop');
  });

  it('reads dictionaries and keeps nested values', () => {
    const value = parse('<< /Type /Page /Kids [1 0 R] /Box [0 0 595.3 842] /Sub << /A (x) >> >>') as PdfDict;
    expect(value.get('Type')).toBe(PdfName.of('Page'));
    expect(value.get('Box')).toEqual([0, 0, 595.3, 842]);
    expect((value.get('Sub') as PdfDict).get('A')).toBeInstanceOf(PdfString);
  });

  it('reads a stream by /Length and falls back to endstream when /Length is wrong', () => {
    const good = new PdfParser(Buffer.from('<< /Length 5 >>\nstream\nHELLO\nendstream', 'latin1'));
    const d1 = good.parseValue() as PdfDict;
    expect((good.parseStreamAfter(d1, () => undefined) as PdfStream).raw.toString()).toBe('HELLO');
    const wrong = new PdfParser(Buffer.from('<< /Length 99 >>\nstream\r\nHELLO\r\nendstream', 'latin1'));
    const d2 = wrong.parseValue() as PdfDict;
    expect((wrong.parseStreamAfter(d2, () => undefined) as PdfStream).raw.toString()).toBe('HELLO');
  });

  it('returns content-stream operators as keywords and rejects stray delimiters', () => {
    const parser = new PdfParser(Buffer.from('1 0 0 1 72 720 Tm (x) Tj', 'latin1'));
    const tokens = [];
    while (!parser.atEnd()) tokens.push(parser.parseToken());
    expect(tokens.filter((t) => t instanceof PdfKeyword).map((t) => (t as PdfKeyword).keyword)).toEqual([
      'Tm',
      'Tj',
    ]);
    expect(() => parse(']')).toThrow(PdfSyntaxError);
    expect(() => parse('<< /A 1')).toThrow(PdfSyntaxError);
  });

  it('round-trips through the serializer', () => {
    const source =
      '<< /Type /Annot /Rect [0 0 10.5 20] /T (Sig\\(1\\)) /Name /A#23B /V 3 0 R /Flag true /X null >>';
    const writer = new PdfWriter().writeValue(parse(source));
    const again = writer.toBuffer().toString('latin1');
    expect(parse(again)).toEqual(parse(source));
    expect(again).toContain('/A#23B');
  });
});
