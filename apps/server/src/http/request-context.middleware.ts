import { newToken, RequestContext } from '@vanthu/shared';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (kept from X-Request-Id when it looks sane), returns it in the response
 * header, makes it ambient for audit rows, and writes one JSON access line per request without
 * headers or bodies that could carry credentials.
 */
export function requestContextMiddleware(logger: Logger) {
  const access = pinoHttp({
    logger,
    genReqId: (req) => (req as Request & { id: string }).id,
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/health' },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.header('x-request-id');
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : newToken(12);
    (req as Request & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    RequestContext.run({ requestId: id, ip: req.ip }, () => access(req, res, next));
  };
}
