import { monthsBetween, share } from './report-summary';

describe('report summary helpers', () => {
  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-05', '2026-03-06')).toEqual(['2026-03']);
  });

  it('has no rate without a total', () => {
    expect(share(0, 0).rate).toBeNull();
    expect(share(3, 4).rate).toBe(0.75);
  });
});
