import type { QueryClient } from '@tanstack/react-query';
import { entryQuery, prefetchMainPdf } from '../screens/document/document-queries';
import { meQuery } from '../session/session-context';
import { DOCUMENT_PATH } from './document-path';
import type { Preload } from './preloadable';
import { DeskPage, DocumentPage, IncomingPage, OutgoingPage, SearchPage } from './screens';
import { DocumentViewer } from '../screens/document/document-viewer-loader';

/**
 * The screen of the address the page was opened at starts downloading with the app itself, in
 * parallel with the session check, instead of after it (one round trip less before the first
 * rows or the first PDF page). Once loaded, the routes render it without suspending.
 */
const SCREENS: [RegExp, Preload[]][] = [
  [/\/ban-lam-viec$/, [DeskPage]],
  [/\/van-ban-den$/, [IncomingPage]],
  [/\/van-ban-di$/, [OutgoingPage]],
  [/\/tra-cuu$/, [SearchPage]],
  [DOCUMENT_PATH, [DocumentPage, DocumentViewer]],
];

/**
 * Started before React mounts: the session check, the screen's code and, on a document's
 * address, the entry and, in parallel with it, its main PDF (download and parse; pdf.js's worker
 * was started by early-worker.ts),
 * so the first page is drawn as soon as the viewer mounts. The screen's queries use the same keys
 * and find these loads in flight. A load refused here (no session, another agency) is asked again
 * by the screen, which shows the answer as usual.
 */
export function preloadCurrentScreen(pathname: string, queryClient: QueryClient): void {
  // the data first: HTTP/1.1 gives a page 6 connections, and the screen's ~20 chunks would
  // otherwise take them all before the entry's request is even sent (the page's head usually
  // asked for all of these already, and these requests get those answers)
  const document = DOCUMENT_PATH.exec(pathname);
  if (document) {
    const [, agencyId, entryId] = document;
    void queryClient.prefetchQuery(entryQuery(agencyId, entryId));
    void prefetchMainPdf(queryClient, agencyId, entryId).catch(() => undefined);
  }
  void queryClient.prefetchQuery(meQuery);
  for (const [pattern, screens] of SCREENS)
    if (pattern.test(pathname)) for (const screen of screens) void screen.preload().catch(() => undefined);
}
