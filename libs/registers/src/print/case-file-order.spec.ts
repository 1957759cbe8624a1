import { sortCaseFileDocuments } from './case-file-order';
import { registerSamples } from './register-samples.test-helper';

const doc = registerSamples.document;

describe('sortCaseFileDocuments', () => {
  it('orders by date, then by number read as a number, and keeps the input order of ties', () => {
    const input = [
      doc({ date: '2025-04-01', numberNotation: '3/TB-UBND', subject: 'd' }),
      doc({ date: '2025-03-02', numberNotation: '12/QĐ-UBND', subject: 'c' }),
      doc({ date: '2025-03-02', numberNotation: '5/QĐ-UBND', subject: 'a' }),
      doc({ date: '2025-03-02', numberNotation: '12/QĐ-UBND', subject: 'c2' }),
      doc({ date: '2024-12-31', numberNotation: '99/UBND-VP', subject: 'z' }),
    ];
    expect(sortCaseFileDocuments(input).map((d) => d.subject)).toEqual(['z', 'a', 'c', 'c2', 'd']);
    expect(input[0]!.subject).toBe('d');
  });

  it('compares notations without a number as text', () => {
    const input = [doc({ numberNotation: 'UBND-VP' }), doc({ numberNotation: 'CV-TC' })];
    expect(sortCaseFileDocuments(input).map((d) => d.numberNotation)).toEqual(['CV-TC', 'UBND-VP']);
  });
});
