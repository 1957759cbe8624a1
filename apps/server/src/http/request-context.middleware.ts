import type { Principal } from '@vanthu/identity';
import { newRequestId, RequestContext } from '@vanthu/shared';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

type TracedRequest = Request & { id: string; principal?: Principal };

/**
 * Gives every request an id (kept from X-Request-Id when it looks sane), returns it in the response
 * header, makes it ambient for audit rows, and writes one JSON access line per request.
 *
 * The line is built by hand from the few fields it needs (method, path without the query string,
 * status, duration, request id, user id) rather than by pino-http: that made a child logger per
 * request and ran the standard serializers over every request and response header before ours
 * picked three fields. Redaction is off for this logger only: its paths name keys (password,
 * token, headers, body) that the fixed keys of this line never hold, and matching them against
 * each line cost more than building and writing it.
 */
export function requestContextMiddleware(logger: Logger) {
  const access = logger.child({}, { redact: [] });
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : newRequestId();
    (req as TracedRequest).id = id;
    res.setHeader('X-Request-Id', id);
    if (req.url !== '/health') logWhenDone(access, req as TracedRequest, res, Date.now());
    RequestContext.run({ requestId: id, ip: req.ip }, next);
  };
}

function logWhenDone(logger: Logger, req: TracedRequest, res: Response, start: number): void {
  const done = (): void => {
    res.removeListener('finish', done);
    res.removeListener('close', done);
    const status = res.statusCode;
    const line = {
      req: { id: req.id, method: req.method, url: pathOf(req.originalUrl ?? req.url) },
      res: { statusCode: status },
      responseTime: Date.now() - start,
      userId: req.principal?.userId,
    };
    const message =
      status >= 500
        ? 'request errored'
        : !req.readableAborted && res.writableEnded
          ? 'request completed'
          : 'request aborted';
    if (status >= 500) logger.error(line, message);
    else if (status >= 400) logger.warn(line, message);
    else logger.info(line, message);
  };
  res.on('finish', done);
  res.on('close', done);
}

/** The path only: query strings can carry tokens or personal data. */
function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}
