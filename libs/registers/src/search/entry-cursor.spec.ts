import { decodeEntryCursor, encodeEntryCursor } from './entry-cursor';

const id = '4f0c2a8e-2b7d-4c61-9d1e-0a6b3c5d7e9f';

describe('entry cursor', () => {
  it('round-trips the last row position as URL-safe text', () => {
    const cursor = encodeEntryCursor({ entryDate: '2026-11-25', id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeEntryCursor(cursor)).toEqual({ entryDate: '2026-11-25', id });
  });

  it.each([
    ['not base64 of a position', 'abc'],
    ['an impossible date', Buffer.from(`2026-02-30|${id}`).toString('base64url')],
    ['a malformed id', Buffer.from('2026-02-03|4f0c2a8e-zzzz-4c61-9d1e-0a6b3c5d7e9f').toString('base64url')],
    ['extra text', Buffer.from(`2026-02-03|${id}' OR 1=1`).toString('base64url')],
  ])('refuses %s with SEARCH_CURSOR_INVALID', (_label, cursor) => {
    expect(() => decodeEntryCursor(cursor)).toThrow(
      expect.objectContaining({ code: 'SEARCH_CURSOR_INVALID' }),
    );
  });
});
