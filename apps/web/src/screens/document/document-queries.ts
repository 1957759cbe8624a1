import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { EntryDetail, FileVersion } from '../../client/types';
import { api } from '../../client/vanthu-api';

/**
 * The document screen's two loads as query options, shared by the screen and the route preload
 * (main.tsx), so a load the preload started is the one the screen waits for, never a second.
 */
export const entryQuery = (agencyId: string, entryId: string) =>
  queryOptions({
    queryKey: ['entry', agencyId, entryId],
    queryFn: () => api.entry(agencyId, entryId),
  });

/** Whether the viewer can show a file: a received document's Word or Excel attachment is only saved. */
export const isPdf = (file: FileVersion): boolean => file.mediaType === 'application/pdf';

/** The file the viewer opens first: the main document (file 0), else the first PDF. */
export function mainFile(entry: EntryDetail): FileVersion | undefined {
  return entry.files.find((f) => f.fileIndex === 0 && isPdf(f)) ?? entry.files.find(isPdf);
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error('Không tải được tệp văn bản.');
  return res.arrayBuffer();
}

/**
 * A version's bytes (kept for the verification request) and its pdf.js document, cached under the
 * version's id. The whole file in one request, no range requests: the documents are small and
 * every range would be a round trip. pdf.js's module is loaded while the bytes are on their way.
 */
const openedPdf = (versionId: string, bytes: () => Promise<ArrayBuffer>) =>
  queryOptions({
    queryKey: ['pdf', versionId],
    queryFn: async () => {
      const [loaded, { openPdf }] = await Promise.all([bytes(), import('./pdf-document')]);
      performance.mark('pdf:bytes');
      const pdf = await openPdf(loaded);
      // page 1 is parsed by the worker while React is still drawing the screen around it
      await pdf.getPage(1);
      performance.mark('pdf:opened');
      return { bytes: loaded, pdf };
    },
    staleTime: Infinity,
  });

export const pdfQuery = (agencyId: string, entryId: string, file: FileVersion) =>
  openedPdf(file.id, () => fetchBytes(api.fileUrl(agencyId, entryId, file.id)));

/**
 * The main document asked for together with the entry instead of after it (one round trip less
 * before the first page). The answer names its version, and the document is cached under that
 * version's key: the viewer finds it there when the entry lists the same version, and loads its
 * own otherwise (a newer version issued in between). A refused answer is left to the screen.
 */
export async function prefetchMainPdf(
  queryClient: QueryClient,
  agencyId: string,
  entryId: string,
): Promise<void> {
  const res = await fetch(api.mainFileUrl(agencyId, entryId), { credentials: 'same-origin' });
  const versionId = res.headers.get('X-Version-Id');
  if (!res.ok || !versionId) {
    await res.body?.cancel();
    return;
  }
  await queryClient.prefetchQuery(openedPdf(versionId, () => res.arrayBuffer()));
}
