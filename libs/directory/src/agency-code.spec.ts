import { isAppException } from '@vanthu/shared';
import {
  AGENCY_CODE_MAX_LENGTH,
  isValidAgencyCode,
  normalizeAgencyCode,
  tryNormalizeAgencyCode,
} from './agency-code';

describe('agency codes', () => {
  it.each([
    '000.00.00.G22',
    '000.00.00.H41',
    '000.00.01.H08',
    '000.01.01.H08',
    '000.00.01.A53',
    '000.00.11.H53',
    '000.00.12.H15',
    '000.12.12.H15',
    '000.00.01.H08.PNV',
    '000.00.01.H08.01.A1B2C3D4',
  ])('accepts %s', (code) => {
    expect(isValidAgencyCode(code)).toBe(true);
    expect(normalizeAgencyCode(code)).toBe(code);
  });

  it.each([
    ['empty', ''],
    ['too few groups', '000.00.G22'],
    ['letter group first', 'G22.00.00.000'],
    ['two-digit first group', '00.00.00.G22'],
    ['no letter in the last group', '000.00.00.122'],
    ['two letters in the last group', '000.00.00.GG2'],
    ['empty extra group', '000.00.00.G22.'],
    ['extra group longer than 8', '000.00.00.G22.ABCDEFGHI'],
    ['dash separator', '000-00-00-G22'],
    ['inner space', '000.00. 00.G22'],
    ['Vietnamese letter', '000.00.00.Đ22'],
  ])('refuses %s', (_label, code) => {
    expect(tryNormalizeAgencyCode(code)).toBeUndefined();
  });

  it('refuses a code longer than 35 characters and accepts exactly 35', () => {
    const exactly35 = '000.00.00.H15.AAAAAAAA.BBBBBBBB.CCC';
    expect(exactly35).toHaveLength(AGENCY_CODE_MAX_LENGTH);
    expect(isValidAgencyCode(exactly35)).toBe(true);
    expect(isValidAgencyCode(`${exactly35}C`)).toBe(false);
  });

  it('normalises surrounding spaces and lower case', () => {
    expect(normalizeAgencyCode('  000.00.01.a53 ')).toBe('000.00.01.A53');
    expect(normalizeAgencyCode('000.00.01.h08.pnv')).toBe('000.00.01.H08.PNV');
  });

  it('throws AGENCY_CODE_INVALID with a Vietnamese message and the field', () => {
    let caught: unknown;
    try {
      normalizeAgencyCode('abc', 'parentCode');
    } catch (error) {
      caught = error;
    }
    expect(isAppException(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'AGENCY_CODE_INVALID',
      status: 400,
      details: { field: 'parentCode' },
    });
    expect((caught as Error).message).toContain('Mã định danh cơ quan');
  });
});
