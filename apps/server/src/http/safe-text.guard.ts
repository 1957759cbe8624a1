import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { assertSafeText } from './text-safety';

/** Headers the application reads; Node's parser already refuses CR, LF and NUL in any header. */
const READ_HEADERS = ['authorization', 'cookie', 'user-agent', 'origin', 'referer', 'x-request-id'];

/**
 * The first guard of every route: control characters and unpaired surrogates in the path
 * parameters, the query string, the headers read, or a JSON body are refused with 400
 * TEXT_INVALID_CHARACTERS naming the field, before authentication or any handler sees them (a NUL
 * in a login name answered 500). Multipart bodies are parsed later, by the route's interceptor: the
 * validation pipe applies the same rule to them.
 */
@Injectable()
export class SafeTextGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    for (const [name, value] of Object.entries(request.params ?? {})) assertSafeText(value, name, 'line');
    assertSafeText(request.query, '', 'line');
    for (const name of READ_HEADERS) assertSafeText(request.headers[name], name, 'line');
    if (request.body !== null && typeof request.body === 'object') assertSafeText(request.body, '', 'text');
    return true;
  }
}
