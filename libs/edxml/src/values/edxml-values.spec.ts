import { composeDocumentId, parseDocumentId } from './document-id';
import {
  formatEdxmlTimestamp,
  isModelTimestamp,
  readEdxmlDate,
  readEdxmlTimestamp,
  vietnamTimestamp,
} from './edxml-date';
import { normalizeText } from './xml-text';

describe('edXML values', () => {
  it.each([
    ['2020/10/30', '2020-10-30', false],
    ['30/10/2020', '2020-10-30', true],
    ['2020-10-30', '2020-10-30', true],
    ['3/1/2021', '2021-01-03', true],
    ['2020/10/30 00:00:00', '2020-10-30', true],
    ['2014/02/30', undefined, false],
    ['ngày 30 tháng 10', undefined, true],
  ])('reads the date %s as %s', (raw, value, nonstandard) => {
    expect(readEdxmlDate(raw)).toEqual(value === undefined ? { nonstandard } : { value, nonstandard });
  });

  it.each([
    ['2015/09/20 11:08:36', '2015-09-20T11:08:36+07:00', false],
    ['20/09/2015 11:08', '2015-09-20T11:08:00+07:00', true],
    ['2015-09-20T04:08:36Z', '2015-09-20T11:08:36+07:00', true],
    ['2015-09-20T11:08:36+07:00', '2015-09-20T11:08:36+07:00', true],
    ['2015/09/20 25:00:00', undefined, true],
  ])('reads the timestamp %s as %s (Vietnam time)', (raw, value, nonstandard) => {
    expect(readEdxmlTimestamp(raw)).toEqual(value === undefined ? { nonstandard } : { value, nonstandard });
  });

  it('writes timestamps in Vietnam time whatever offset they come with', () => {
    expect(formatEdxmlTimestamp('2025-12-31T17:30:00Z')).toBe('2026/01/01 00:30:00');
    expect(vietnamTimestamp(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01T00:30:00+07:00');
    expect(isModelTimestamp('2026-01-01T00:30:00+07:00')).toBe(true);
    expect(isModelTimestamp('2026-01-01 00:30:00')).toBe(false);
    expect(isModelTimestamp('2026-02-30T00:30:00+07:00')).toBe(false);
  });

  it('composes and splits DocumentIds; anything else is not one', () => {
    const id = composeDocumentId('000.00.12.H15', '2025-06-02', '05', 'TB-UBND');
    expect(id).toBe('000.00.12.H15,2025/06/02,05/TB-UBND');
    expect(parseDocumentId(id)).toEqual({
      organId: '000.00.12.H15',
      date: '2025-06-02',
      codeNumber: '05',
      codeNotation: 'TB-UBND',
    });
    expect(parseDocumentId('000.00.00.G22,2014/02/30,7806/VPCP-TTĐT')).toMatchObject({
      date: undefined,
      codeNumber: '7806',
    });
    expect(parseDocumentId('9fbfbad2-f1f8-4256-a2eb-50fb1061cddb')).toBeUndefined();
    expect(parseDocumentId('')).toBeUndefined();
  });

  it('normalises text to NFC and every line break to LF', () => {
    expect(normalizeText('Ea H\u0027Leo\r\nĐắk\rLắk\u2028x\u0085y'.normalize('NFD'))).toBe(
      "Ea H'Leo\nĐắk\nLắk\nx\ny".normalize('NFC'),
    );
  });
});
