import { AppException } from '@vanthu/shared';
import type { Request } from 'express';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originRejected(): AppException {
  return new AppException(
    'ORIGIN_NOT_ALLOWED',
    'Yêu cầu gửi từ một trang web khác nên không được thực hiện. Hãy thao tác trên trang của hệ thống.',
    403,
  );
}

/** The page a browser request came from: its Origin header, else the origin of its Referer. */
function senderOf(request: Request): string | undefined {
  const origin = request.headers.origin;
  if (origin) return origin;
  const referer = request.headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * Cross-site request forgery stops here. A browser attaches the session cookie to a request that
 * another site makes it send, and says which site with Origin (or Referer): so a change (POST, PUT,
 * PATCH, DELETE) carried by the cookie must come from this server's own origin, and one whose
 * sender is unknown is refused too. A change from a foreign page is refused even without a session
 * (a login forced on someone). Bearer tokens are not sent by browsers on their own: requests
 * carrying one are not checked. The server's origin is the scheme and host the request was sent to
 * (behind a reverse proxy on loopback, as it forwarded them).
 */
export function checkOrigin(request: Request, via: 'bearer' | 'cookie' | undefined): void {
  if (!CHANGES.has(request.method) || via === 'bearer') return;
  const sender = senderOf(request);
  if (sender === undefined) {
    if (via === 'cookie') throw originRejected();
    return;
  }
  if (sender !== `${request.protocol}://${request.host}`) throw originRejected();
}
