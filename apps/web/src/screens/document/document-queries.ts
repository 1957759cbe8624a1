import { queryOptions } from '@tanstack/react-query';
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

/** The file the viewer opens first: the main document (file 0). */
export function mainFile(entry: EntryDetail): FileVersion | undefined {
  return entry.files.find((f) => f.fileIndex === 0) ?? entry.files[0];
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error('Không tải được tệp văn bản.');
  return res.arrayBuffer();
}

/**
 * A file's bytes (kept for the verification request) and its pdf.js document. The whole file in
 * one request, no range requests: the documents are small and every range would be a round trip.
 * pdf.js's module is loaded while the bytes are on their way.
 */
export const pdfQuery = (agencyId: string, entryId: string, file: FileVersion) =>
  queryOptions({
    queryKey: ['pdf', file.id],
    queryFn: async () => {
      const [bytes, { openPdf }] = await Promise.all([
        fetchBytes(api.fileUrl(agencyId, entryId, file.id)),
        import('./pdf-document'),
      ]);
      performance.mark('pdf:bytes');
      const pdf = await openPdf(bytes);
      // page 1 is parsed by the worker while React is still drawing the screen around it
      await pdf.getPage(1);
      performance.mark('pdf:opened');
      return { bytes, pdf };
    },
    staleTime: Infinity,
  });
