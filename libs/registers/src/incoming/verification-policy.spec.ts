import { acceptVerification, deliveredVerdict, needsOverride, worstVerdict } from './verification-policy';

describe('incoming verification policy', () => {
  it('takes the worst verdict of the files: invalid over indeterminate over unsigned over valid', () => {
    expect(worstVerdict(['valid', 'valid'])).toBe('valid');
    expect(worstVerdict(['valid', 'unsigned'])).toBe('unsigned');
    expect(worstVerdict(['unsigned', 'indeterminate', 'valid'])).toBe('indeterminate');
    expect(worstVerdict(['indeterminate', 'invalid', 'valid'])).toBe('invalid');
  });

  it('gives a delivered entry the worst verdict of its checked files, and indeterminate when none was checked', () => {
    expect(deliveredVerdict(['unsigned', null, 'valid'])).toBe('unsigned');
    expect(deliveredVerdict(['valid', null])).toBe('valid');
    expect(deliveredVerdict([null, null])).toBe('indeterminate');
    expect(deliveredVerdict([])).toBe('indeterminate');
  });

  it('treats a verdict it does not know as the worst (fails closed)', () => {
    expect(worstVerdict(['valid', 'something-new'])).toBe('invalid');
    expect(needsOverride('something-new')).toBe(true);
  });

  it('accepts valid and unsigned documents without an override, and records no override', () => {
    expect(acceptVerification('valid', false)).toBe(false);
    expect(acceptVerification('unsigned', false)).toBe(false);
    expect(acceptVerification('valid', true)).toBe(false);
  });

  it('refuses invalid and indeterminate signatures with SIGNATURE_VERIFICATION_FAILED unless overridden', () => {
    for (const verdict of ['invalid', 'indeterminate']) {
      expect(() => acceptVerification(verdict, false)).toThrow(
        expect.objectContaining({ code: 'SIGNATURE_VERIFICATION_FAILED', status: 422, details: { verdict } }),
      );
      expect(acceptVerification(verdict, true)).toBe(true);
    }
  });
});
