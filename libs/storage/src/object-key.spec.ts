import { assertValidObjectKey } from './object-key';

describe('assertValidObjectKey', () => {
  it.each(['a', 'documents/2025/3f9a.pdf', 'A-b_c.d/E', '.hidden/x', 'x..y', 'a'.repeat(200)])(
    'accepts %j',
    (key) => {
      expect(() => assertValidObjectKey(key)).not.toThrow();
    },
  );

  it.each([
    ['empty', ''],
    ['absolute', '/a'],
    ['empty segment', 'a//b'],
    ['trailing slash', 'a/'],
    ['parent', 'a/../b'],
    ['current', 'a/./b'],
    ['non-ASCII', 'hồ-sơ'],
    ['space', 'a b'],
    ['tilde', '~tmp/a'],
    ['NUL', 'a\u0000b'],
    ['too long', 'a/'.repeat(256) + 'a'],
    ['segment too long', 'a'.repeat(201)],
  ])('refuses a key that is %s', (_label, key) => {
    expect(() => assertValidObjectKey(key)).toThrow(
      expect.objectContaining({ code: 'STORAGE_KEY_INVALID', status: 400 }),
    );
  });

  it('refuses non-strings', () => {
    expect(() => assertValidObjectKey(42)).toThrow(expect.objectContaining({ code: 'STORAGE_KEY_INVALID' }));
  });
});
