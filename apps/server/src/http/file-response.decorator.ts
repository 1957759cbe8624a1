import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';

/** Marks a handler whose answer is a file, not JSON (ResponseContractInterceptor lets it through). */
export const FILE_RESPONSE = 'vanthu:file-response';

/** A route that answers with a file (written by `sendDownload`, or a string body), not JSON. */
export function FileResponse(
  mediaTypes: string | readonly string[],
  description: string,
  extraHeaders: Record<string, { description: string; schema: Record<string, string> }> = {},
): MethodDecorator {
  const types = Array.isArray(mediaTypes) ? mediaTypes : [mediaTypes];
  return applyDecorators(
    SetMetadata(FILE_RESPONSE, true),
    ApiProduces(...types),
    ApiResponse({
      status: 200,
      description,
      content: Object.fromEntries(types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
      headers: {
        'Content-Disposition': {
          description: 'attachment; filename="…"; filename*=UTF-8\'\'…',
          schema: { type: 'string' },
        },
        ...extraHeaders,
      },
    }),
  );
}
