import { composeNotation, documentIdentifier, formatDocumentNumber, numberNotation } from './notation';

describe('ND30 number and notation', () => {
  it('gives numbers below 10 a leading zero and leaves the others alone', () => {
    expect(formatDocumentNumber(1)).toBe('01');
    expect(formatDocumentNumber(9)).toBe('09');
    expect(formatDocumentNumber(10)).toBe('10');
    expect(formatDocumentNumber(200)).toBe('200');
  });

  it('composes a typed notation as type then issuer', () => {
    expect(composeNotation({ typeAbbreviation: 'QĐ', issuerAbbreviation: 'UBND' })).toBe('QĐ-UBND');
    expect(numberNotation(12, 'QĐ-UBND')).toBe('12/QĐ-UBND');
    expect(numberNotation(5, 'TB-UBND')).toBe('05/TB-UBND');
  });

  it('composes a Công văn notation as issuer then drafting unit', () => {
    expect(
      composeNotation({ typeAbbreviation: null, issuerAbbreviation: 'UBND', unitAbbreviation: 'VP' }),
    ).toBe('UBND-VP');
    expect(
      numberNotation(
        35,
        composeNotation({ typeAbbreviation: null, issuerAbbreviation: 'UBND', unitAbbreviation: 'vx' }),
      ),
    ).toBe('35/UBND-VX');
  });

  it('keeps the ND30 spelling of mixed-case abbreviations and removes spaces', () => {
    expect(composeNotation({ typeAbbreviation: 'QyĐ', issuerAbbreviation: 'UBND' })).toBe('QyĐ-UBND');
    expect(composeNotation({ typeAbbreviation: 'TTr', issuerAbbreviation: 'P TC' })).toBe('TTr-PTC');
  });

  it('builds the edXML document identifier', () => {
    expect(documentIdentifier('000.00.12.H15', '2026-11-25', '12/QĐ-UBND')).toBe(
      '000.00.12.H15,2026/11/25,12/QĐ-UBND',
    );
  });
});
