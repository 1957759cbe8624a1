import { statusConsignmentId, statusOccurrence, uuidV5 } from './status-consignment-id';

describe('status consignment ids', () => {
  it('computes RFC 9562 UUIDv5 (the DNS-namespace example of the RFC)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('is stable per (consignment, code, occurrence) and differs otherwise', () => {
    const answers = '0f9c6a52-2e2b-4b0c-9a55-5d1f5b2b7c10';
    const a = statusConsignmentId(answers, '01', 0);
    expect(statusConsignmentId(answers.toUpperCase(), '01', 0)).toBe(a);
    expect(
      new Set([a, statusConsignmentId(answers, '01', 1), statusConsignmentId(answers, '03', 0)]).size,
    ).toBe(3);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('finds the occurrence back, and nothing for another consignment', () => {
    const answers = '0f9c6a52-2e2b-4b0c-9a55-5d1f5b2b7c10';
    expect(statusOccurrence(statusConsignmentId(answers, '05', 7), answers, '05')).toBe(7);
    expect(statusOccurrence(statusConsignmentId(answers, '05', 7), answers, '06')).toBeUndefined();
    expect(
      statusOccurrence(statusConsignmentId(answers, '05', 0), '1f9c6a52-2e2b-4b0c-9a55-5d1f5b2b7c10', '05'),
    ).toBeUndefined();
  });
});
