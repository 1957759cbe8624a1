import { contentPaints } from './content-paints';

const paints = (content: string): boolean => contentPaints(Buffer.from(content, 'latin1'));

describe('contentPaints: whether an appearance stream can put a mark on the page', () => {
  it('nothing, comments, graphics state, unpainted paths and marked content paint nothing', () => {
    for (const content of [
      '',
      '% DSBlank\n',
      'q 1 0 0 1 0 0 cm 0.5 g /GS0 gs Q',
      '0 0 100 100 re W n',
      '/Tx BMC EMC /OC /oc1 BDC << /MCID 0 >> BDC EMC EMC',
      'BT /F1 12 Tf 10 10 Td ET',
    ])
      expect([content, paints(content)]).toEqual([content, false]);
  });

  it('filling, stroking, shading, XObjects, text and inline images paint', () => {
    for (const content of [
      '1 1 1 rg 0 0 100 100 re f',
      '0 0 m 10 10 l S',
      '0 0 10 10 re B*',
      '/Sh0 sh',
      '/Im0 Do',
      'BT /F1 12 Tf (x) Tj ET',
      'BT [(a) 10 (b)] TJ ET',
      "BT (x) ' ET",
      'BI /W 1 /H 1 /CS /G /BPC 8 ID \xff EI',
    ])
      expect([content, paints(content)]).toEqual([content, true]);
  });

  it('operators inside strings, names and dictionaries are operands, not painting', () => {
    expect(paints('/Tj BMC (re f Tj) pop EMC')).toBe(false);
    expect(paints('/P << /ActualText (S f) >> BDC EMC')).toBe(false);
  });

  it('what it cannot read counts as painting', () => {
    for (const content of [') Tj', '{ 1 }', '(unterminated', '<< /A'])
      expect([content, paints(content)]).toEqual([content, true]);
  });
});
