/** Written into index.html by the build; replaced per response by a fresh nonce. */
export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

/**
 * The UI's Content-Security-Policy: scripts, workers (pdf.js) and connections from this origin
 * only, no inline script, no eval, no framing. Style elements need the nonce (antd inserts them at
 * run time); style attributes are allowed because antd and pdf.js position elements with them,
 * and an attribute cannot run code.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
