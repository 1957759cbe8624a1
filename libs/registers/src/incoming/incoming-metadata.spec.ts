import { checkIncomingDates, incomingFields, isCalendarDate } from './incoming-metadata';

describe('incoming metadata rules', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });

  it('refuses a document dated after its arrival and a deadline before it', () => {
    expect(() => checkIncomingDates({ issuedDate: '2026-03-02', dueDate: null }, '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'ISSUED_DATE_IN_FUTURE' }),
    );
    expect(() => checkIncomingDates({ issuedDate: null, dueDate: '2026-02-28' }, '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'DUE_DATE_BEFORE_ARRIVAL' }),
    );
    expect(() => checkIncomingDates({ issuedDate: '2026-02-30', dueDate: null }, '2026-03-01')).toThrow(
      expect.objectContaining({ code: 'DATE_INVALID', details: { field: 'issuedDate' } }),
    );
    expect(() =>
      checkIncomingDates({ issuedDate: '2026-03-01', dueDate: '2026-03-01' }, '2026-03-01'),
    ).not.toThrow();
  });

  it('maps the fields, storing cleared text as NULL and keeping what a correction leaves out', () => {
    const first = incomingFields({
      typeCode: 'CV',
      subject: ' Về việc họp ',
      organName: '  ',
      priority: undefined,
    });
    expect(first).toMatchObject({
      documentTypeCode: 'CV',
      subject: 'Về việc họp',
      organName: null,
      priority: 'normal',
    });
    const corrected = incomingFields(
      { subject: 'Về việc họp giao ban', codeNotation: '' },
      {
        ...first,
        codeNotation: 'UBND-VP',
        organName: 'UBND tỉnh',
      },
    );
    expect(corrected).toMatchObject({
      documentTypeCode: 'CV',
      subject: 'Về việc họp giao ban',
      codeNotation: null,
      organName: 'UBND tỉnh',
    });
  });
});
