import type { QueryClient } from '@tanstack/react-query';
import { entryQuery, mainFile, pdfQuery } from '../screens/document/document-queries';
import { pdfWorker } from '../screens/document/pdf-worker';
import { meQuery } from '../session/session-context';

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

const DOCUMENT = /^\/co-quan\/([0-9a-f-]{36})\/van-ban\/([0-9a-f-]{36})$/;

/**
 * Started before React mounts: the session check, the screen's code and, on a document's
 * address, pdf.js's worker, the entry and then its PDF (download and parse), so the first page is
 * drawn as soon as the viewer mounts. The screen's queries use the same keys and find these loads
 * in flight. A load refused here (no session, another agency) is asked again by the screen, which
 * shows the answer as usual.
 */
export function preloadCurrentScreen(pathname: string, queryClient: QueryClient): void {
  // the data first: HTTP/1.1 gives a page 6 connections, and the screen's ~20 chunks would
  // otherwise take them all before the entry's request is even sent
  const document = DOCUMENT.exec(pathname);
  if (document) {
    const [, agencyId, entryId] = document;
    void queryClient
      .fetchQuery(entryQuery(agencyId, entryId))
      .then((entry) => {
        const file = mainFile(entry);
        if (file) return queryClient.prefetchQuery(pdfQuery(agencyId, entryId, file));
      })
      .catch(() => undefined);
  }
  void queryClient.prefetchQuery(meQuery);
  for (const [pattern, load] of SCREENS) if (pattern.test(pathname)) void load().catch(() => undefined);
  if (document) pdfWorker();
}
