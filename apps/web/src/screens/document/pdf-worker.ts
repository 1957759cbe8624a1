import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let worker: Worker | undefined;

/**
 * pdf.js's worker, a file of this origin (CSP worker-src 'self'), one per page. Only its address
 * is in the app's first chunk: opening a document's address starts it at boot (route preload), so
 * its 1.2 MB script is fetched and compiled on its own thread while the app, the entry and the PDF
 * are still on their way, instead of after the viewer's chunk is loaded.
 */
export function pdfWorker(): Worker {
  worker ??= new Worker(workerUrl, { type: 'module' });
  return worker;
}

export { workerUrl };
