/**
 * The screen of the address the page was opened at starts downloading with the app itself, in
 * parallel with the session check, instead of after it (one round trip less before the first
 * rows or the first PDF page). Each import is the same module React.lazy loads later.
 */
const SCREENS: [RegExp, () => Promise<unknown>][] = [
  [/\/ban-lam-viec$/, () => import('../screens/desk/desk-page')],
  [/\/van-ban-den$/, () => import('../screens/incoming/incoming-page')],
  [/\/van-ban-di$/, () => import('../screens/outgoing/outgoing-page')],
  [/\/tra-cuu$/, () => import('../screens/search/search-page')],
  [
    /\/van-ban\/[0-9a-f-]{36}$/,
    () =>
      Promise.all([
        import('../screens/document/document-page'),
        import('../screens/document/document-viewer'),
      ]),
  ],
];

export function preloadCurrentScreen(pathname: string): void {
  for (const [pattern, load] of SCREENS) if (pattern.test(pathname)) void load().catch(() => undefined);
}
