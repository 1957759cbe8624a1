import { randomUUID } from 'node:crypto';
import {
  BATCH_ITEM_MAX_BYTES,
  BATCH_MAX_ITEMS,
  decodeBatch,
  decodeBatchAnswer,
  encodeBatch,
  encodeBatchAnswer,
} from './consignment-batch';

const item = (text: string) => ({ consignmentId: randomUUID(), bytes: Buffer.from(text, 'utf8') });

function rawBatch(header: unknown, ...bodies: string[]): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...bodies.map((b) => Buffer.from(b))]);
}

const refusedWith = (body: Buffer) => {
  try {
    decodeBatch(body);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'decoded';
};

describe('consignment batch (several consignments in one request)', () => {
  it('gives back each consignment with its exact bytes, in order', () => {
    const items = [item('<edXML>một</edXML>'), item('<edXML>hai\n</edXML>'), item('x')];
    const decoded = decodeBatch(encodeBatch(items));
    expect(decoded.map((d) => d.consignmentId)).toEqual(items.map((i) => i.consignmentId));
    expect(decoded.map((d) => d.bytes.toString('utf8'))).toEqual(items.map((i) => i.bytes.toString('utf8')));
  });

  it('lower-cases ids as a PUT path would', () => {
    const id = randomUUID();
    const [decoded] = decodeBatch(rawBatch({ consignments: [{ id: id.toUpperCase(), size: 1 }] }, 'x'));
    expect(decoded.consignmentId).toBe(id);
  });

  it('refuses a body that is not exactly a batch', () => {
    const id = randomUUID();
    expect(refusedWith(Buffer.from('<edXML/>'))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(Buffer.from('{"consignments":\n'))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(rawBatch({ consignments: [] }))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(rawBatch({ consignments: [{ id: 'not-a-uuid', size: 1 }] }, 'x'))).toBe(
      'EXCHANGE_BATCH_INVALID',
    );
    expect(
      refusedWith(
        rawBatch(
          {
            consignments: [
              { id, size: 1 },
              { id: id.toUpperCase(), size: 1 },
            ],
          },
          'x',
          'y',
        ),
      ),
    ).toBe('EXCHANGE_BATCH_INVALID');
    // sizes that do not add up to the body, either way
    expect(refusedWith(rawBatch({ consignments: [{ id, size: 3 }] }, 'xy'))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(rawBatch({ consignments: [{ id, size: 1 }] }, 'xy'))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(rawBatch({ consignments: [{ id, size: 0 }] }))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(rawBatch({ consignments: [{ id, size: 1.5 }] }, 'x'))).toBe('EXCHANGE_BATCH_INVALID');
    const big = 'x'.repeat(BATCH_ITEM_MAX_BYTES + 1);
    expect(refusedWith(rawBatch({ consignments: [{ id, size: big.length }] }, big))).toBe(
      'EXCHANGE_BATCH_INVALID',
    );
    const many = Array.from({ length: BATCH_MAX_ITEMS + 1 }, () => item('x'));
    expect(refusedWith(encodeBatch(many))).toBe('EXCHANGE_BATCH_INVALID');
    expect(refusedWith(encodeBatch(many.slice(0, BATCH_MAX_ITEMS)))).toBe('decoded');
  });

  it('reads an answer only when it answers exactly the consignments sent, in order', () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const answer = Buffer.from(
      encodeBatchAnswer([
        { consignmentId: a, receipt: '{"consignmentId":"a"}' },
        { consignmentId: b, status: 409, code: 'CONSIGNMENT_CONFLICT', message: 'Mã gói tin đã dùng.' },
      ]),
    );
    const results = decodeBatchAnswer(answer, [a, b])!;
    expect(results.get(a)).toEqual({ consignmentId: a, receipt: '{"consignmentId":"a"}' });
    expect(results.get(b)).toEqual({
      consignmentId: b,
      status: 409,
      code: 'CONSIGNMENT_CONFLICT',
      message: 'Mã gói tin đã dùng.',
    });
    expect(decodeBatchAnswer(answer, [b, a])).toBeNull();
    expect(decodeBatchAnswer(answer, [a])).toBeNull();
    expect(decodeBatchAnswer(Buffer.from('<html>proxy</html>'), [a, b])).toBeNull();
    expect(decodeBatchAnswer(Buffer.from('{"consignmentId":"x","signature":"y"}'), [a])).toBeNull();
    expect(decodeBatchAnswer(Buffer.from(`{"results":[{"id":"${a}"}]}`), [a])).toBeNull();
  });
});
