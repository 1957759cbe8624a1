import { getTestPki, type TestPki } from '../../../../../test/kit/test-pki';
import { derKey, ParsedDerMemo, parseConfiguredCrl, parseTrustAnchor } from './trust-material-parses';

describe('trust material parses', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await getTestPki();
  });

  it('gives the same parsed anchor for equal bytes in another buffer, and refuses garbage every time', () => {
    const first = parseTrustAnchor(Buffer.from(pki.rootCertificate));
    const again = parseTrustAnchor(Buffer.from(pki.rootCertificate));
    expect(first).toHaveLength(1);
    expect(again[0]).toBe(first[0]);
    expect(first[0].der.equals(pki.rootCertificate)).toBe(true);
    const garbage = Buffer.from('not a certificate');
    expect(() => parseTrustAnchor(garbage)).toThrow();
    expect(() => parseTrustAnchor(garbage)).toThrow();
  });

  it('gives the same parsed CRL for equal bytes, and nothing for an unreadable one', () => {
    const crl = Buffer.from(pki.issuingCrl);
    const [parsed] = parseConfiguredCrl(derKey(crl), crl);
    expect(parseConfiguredCrl(derKey(crl), Buffer.from(crl))[0]).toBe(parsed);
    const junk = Buffer.from('junk');
    expect(parseConfiguredCrl(derKey(junk), junk)).toEqual([]);
  });

  describe('bounds', () => {
    const parse = jest.fn((der: Buffer) => der.toString());
    beforeEach(() => parse.mockClear());
    const get = (memo: ParsedDerMemo<string>, text: string) => memo.get(text, Buffer.from(text));

    it('evicts the least recently used entry past the entry count', () => {
      const memo = new ParsedDerMemo(2, 1000, parse);
      get(memo, 'a');
      get(memo, 'b');
      get(memo, 'a'); // a is now the most recent
      get(memo, 'c'); // evicts b
      expect(parse.mock.calls.map(([d]) => d.toString())).toEqual(['a', 'b', 'c']);
      get(memo, 'a');
      get(memo, 'b');
      expect(parse.mock.calls.map(([d]) => d.toString())).toEqual(['a', 'b', 'c', 'b']);
    });

    it('evicts past the byte budget and never keeps an entry larger than it', () => {
      const memo = new ParsedDerMemo(100, 10, parse);
      get(memo, 'aaaaa');
      get(memo, 'bbbbb');
      get(memo, 'ccccc'); // 15 bytes: evicts aaaaa
      get(memo, 'bbbbb');
      get(memo, 'aaaaa');
      const big = 'x'.repeat(11);
      get(memo, big);
      get(memo, big);
      expect(parse.mock.calls.map(([d]) => d.toString())).toEqual([
        'aaaaa',
        'bbbbb',
        'ccccc',
        'aaaaa',
        big,
        big,
      ]);
    });
  });
});
