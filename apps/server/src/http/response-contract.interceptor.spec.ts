import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { firstValueFrom, of } from 'rxjs';
import { z } from 'zod';
import { FILE_RESPONSE } from './file-response.decorator';
import { ResponseContractInterceptor } from './response-contract.interceptor';
import { RESPONSE_SCHEMA } from './zod-response.decorator';

const view = z.object({ id: z.uuid(), when: z.date(), roles: z.array(z.object({ role: z.string() })) });

/** Runs the interceptor over a handler carrying `metadata` that returned `value`. */
function answer(value: unknown, metadata: Record<string, unknown> = { [RESPONSE_SCHEMA]: view }) {
  function handler() {}
  for (const [key, v] of Object.entries(metadata)) Reflect.defineMetadata(key, v, handler);
  const context = {
    getHandler: () => handler,
    getClass: () => class UsersController {},
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(value) };
  return firstValueFrom(new ResponseContractInterceptor().intercept(context, next));
}

const good = { id: '0b8e5f5e-6a4c-4d8e-9a51-6b1f4d2c3e7a', when: new Date(), roles: [{ role: 'clerk' }] };

describe('ResponseContractInterceptor', () => {
  it('lets an answer that matches its schema through unchanged', async () => {
    await expect(answer(good)).resolves.toBe(good);
  });

  it('refuses a value of another type, naming the field', async () => {
    await expect(answer({ ...good, id: 42 })).rejects.toThrow(/UsersController\.handler[\s\S]*id/);
  });

  it('refuses fields the schema does not document, at any depth', async () => {
    await expect(answer({ ...good, passwordHash: 'x' })).rejects.toThrow(
      /undocumented fields: passwordHash$/,
    );
    await expect(answer({ ...good, roles: [{ role: 'clerk', secret: 1 }] })).rejects.toThrow(
      /undocumented fields: roles\[0\]\.secret$/,
    );
  });

  it('refuses JSON from a handler without a schema, and leaves files and empty answers alone', async () => {
    await expect(answer({ any: 1 }, {})).rejects.toThrow(/without @ZodResponse/);
    await expect(answer(undefined, {})).resolves.toBeUndefined();
    await expect(answer('csv,text', { [FILE_RESPONSE]: true })).resolves.toBe('csv,text');
  });
});
