import { AppException } from '@vanthu/shared';
import { z } from 'zod';
import { jsonFormField } from './json-form-field';
import { requestDate } from './request-fields';
import { ZodValidationPipe } from './zod-validation.pipe';

function refusal(run: () => unknown): AppException {
  try {
    run();
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const pipe = new ZodValidationPipe();
const body = (schema: z.ZodType, value: unknown) => pipe.transform(value, { type: 'body', schema });

describe('ZodValidationPipe', () => {
  const note = z.strictObject({ title: z.string().min(1).max(5), pages: z.number().int(), due: requestDate });

  it('answers every problem with its field, a stable code and a Vietnamese message', () => {
    const error = refusal(() => body(note, { title: 'quá dài', pages: 'hai', due: '9999-12-31', extra: 1 }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(error.details?.issues).toEqual([
      { path: 'title', code: 'TOO_BIG', message: 'Không được quá 5 ký tự' },
      { path: 'pages', code: 'INVALID_TYPE', message: 'Phải là số, không phải chuỗi ký tự' },
      {
        path: 'due',
        code: 'DATE_OUT_OF_RANGE',
        message: expect.stringMatching(/^Ngày phải từ 2000-01-01 đến \d{4}-12-31$/),
      },
      { path: '', code: 'UNRECOGNIZED_KEYS', message: 'Trường không được chấp nhận: extra' },
    ]);
  });

  it('names query parameters by their name, and passes a value it has no schema for', () => {
    const error = refusal(() => pipe.transform('abc', { type: 'param', data: 'entryId', schema: z.uuid() }));
    expect(error.details?.issues).toEqual([
      { path: 'entryId', code: 'INVALID_FORMAT', message: 'Phải là mã định danh (UUID)' },
    ]);
    expect(pipe.transform({ any: 1 }, { type: 'body' })).toEqual({ any: 1 });
  });

  it('refuses control characters and lone surrogates anywhere, naming the field, before the schema', () => {
    const nul = refusal(() => body(note, { title: 'a\u0000b', pages: 1, due: '2026-01-01' }));
    expect(nul).toMatchObject({ code: 'TEXT_INVALID_CHARACTERS', status: 400, details: { field: 'title' } });
    const surrogate = refusal(() => pipe.transform('x\uD800', { type: 'query', data: 'q' }));
    expect(surrogate.details).toEqual({ field: 'q' });
    // a file name in an upload, with no schema at all
    const file = refusal(() =>
      pipe.transform(
        { file: [{ originalname: 'a\u0007.pdf', buffer: Buffer.alloc(1) }] },
        { type: 'custom' },
      ),
    );
    expect(file.details).toEqual({ field: 'file[0].originalname' });
    // TAB, LF and CR are text in a body; not in a query string
    expect(body(z.object({ n: z.string() }), { n: 'dòng 1\r\n\tdòng 2' })).toEqual({
      n: 'dòng 1\r\n\tdòng 2',
    });
    expect(refusal(() => pipe.transform('a\nb', { type: 'query', data: 'q' })).code).toBe(
      'TEXT_INVALID_CHARACTERS',
    );
  });

  it('applies the rule to JSON carried in a multipart field, escapes included', () => {
    const form = z.object({ metadata: jsonFormField(z.object({ subject: z.uuid() }), 'metadata') });
    const escaped = refusal(() => body(form, { metadata: '{"subject":"x\\u0000"}' }));
    expect(escaped).toMatchObject({
      code: 'TEXT_INVALID_CHARACTERS',
      details: { field: 'metadata.subject' },
    });
    const notJson = refusal(() => body(form, { metadata: '{subject' }));
    expect(notJson.details?.issues).toEqual([
      { path: 'metadata', code: 'INVALID_JSON', message: 'Không phải JSON hợp lệ' },
    ]);
  });
});
