import { newRequestId } from './ids';

describe('newRequestId', () => {
  it('gives a different 32-character hex id each time, one a client may send back as X-Request-Id', () => {
    const ids = Array.from({ length: 1000 }, () => newRequestId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
