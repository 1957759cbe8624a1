import { EventEmitter } from 'node:events';
import { loggerOptions, RequestContext } from '@vanthu/shared';
import type { NextFunction, Request, Response } from 'express';
import pino from 'pino';
import { requestContextMiddleware } from './request-context.middleware';

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
  userId?: string;
}

/** The middleware over a fake exchange, logging as production does into `lines`. */
function harness() {
  const lines: Line[] = [];
  const logger = pino(loggerOptions('info'), { write: (s: string) => lines.push(JSON.parse(s) as Line) });
  const middleware = requestContextMiddleware(logger);
  function exchange(url: string, headers: Record<string, string> = {}) {
    const req = Object.assign(new EventEmitter(), {
      method: 'POST',
      url,
      originalUrl: url,
      headers: { authorization: 'Bearer bi-mat-0123456789', cookie: 'vanthu_session=bi-mat', ...headers },
      ip: '127.0.0.1',
      readableAborted: false,
    }) as unknown as Request & { principal?: { userId: string } };
    const responseHeaders: Record<string, string> = {};
    const res = Object.assign(new EventEmitter(), {
      statusCode: 200,
      writableEnded: false,
      setHeader: (name: string, value: string) => (responseHeaders[name.toLowerCase()] = value),
    }) as unknown as Response & { writableEnded: boolean };
    let requestId: string | undefined;
    const next: NextFunction = () => {
      requestId = RequestContext.current()?.requestId;
    };
    middleware(req, res, next);
    const end = (status: number) => {
      res.statusCode = status;
      res.writableEnded = true;
      res.emit('finish');
      res.emit('close');
    };
    return { req, res, end, responseHeaders, requestId: () => requestId };
  }
  return { lines, exchange };
}

describe('requestContextMiddleware', () => {
  it('writes one access line per request: id, method, path without query, status, time, user', () => {
    const { lines, exchange } = harness();
    const x = exchange('/api/v1/agencies/a1/incoming?token=bi-mat-trong-url', {
      'x-request-id': 'test-request-0042',
    });
    x.req.principal = { userId: 'user-7' };
    x.end(201);

    expect(x.responseHeaders['x-request-id']).toBe('test-request-0042');
    expect(x.requestId()).toBe('test-request-0042');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { id: 'test-request-0042', method: 'POST', url: '/api/v1/agencies/a1/incoming' },
      res: { statusCode: 201 },
      userId: 'user-7',
    });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/bi-mat|Bearer|vanthu_session/);
  });

  it('replaces an odd incoming id, leaves out an unknown user, and levels by status', () => {
    const { lines, exchange } = harness();
    const odd = exchange('/api/v1/x', { 'x-request-id': 'bad id with spaces' });
    odd.end(401);
    exchange('/api/v1/y').end(500);

    expect(odd.responseHeaders['x-request-id']).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect(lines[0].req.id).toBe(odd.responseHeaders['x-request-id']);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'request completed', res: { statusCode: 401 } });
    expect(lines[0]).not.toHaveProperty('userId');
    expect(lines[1]).toMatchObject({ level: 50, msg: 'request errored', res: { statusCode: 500 } });
  });

  it('says when the client went away before the response ended, and skips /health', () => {
    const { lines, exchange } = harness();
    const gone = exchange('/api/v1/z');
    gone.res.emit('close');
    exchange('/health').end(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request aborted', req: { url: '/api/v1/z' } });
  });
});
