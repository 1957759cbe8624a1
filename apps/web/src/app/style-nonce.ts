/**
 * The nonce the server put into index.html for this response (see apps/server/src/web), for the
 * Content-Security-Policy's style-src.
 */
export const styleNonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;

/**
 * antd's CSS-in-JS takes the nonce from ConfigProvider, but a few of its helpers (the modal's
 * scroll lock, the scrollbar measure) create <style> elements without it, and the CSP blocks them.
 * Every <style> this page's own scripts create gets the nonce instead; markup injected as HTML
 * still cannot add styles, and no inline script can run at all (script-src 'self').
 */
export function nonceEveryStyleElement(): void {
  if (!styleNonce) return;
  const create = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options);
    if (tagName.toLowerCase() === 'style') element.setAttribute('nonce', styleNonce);
    return element;
  }) as typeof document.createElement;
}
