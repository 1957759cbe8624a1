/**
 * `<link>` hints the server writes into index.html for the address a page is opened at, so the
 * browser starts the screen's code and data while the app's own script is still loading (~300 ms
 * on this machine) instead of after it. The app asks for the same URLs (apps/web's route
 * preload) and gets these responses.
 */

/** Vite's build manifest (`dist/web/.vite/manifest.json`): source path → chunk and its imports. */
export type ViteManifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

interface RouteHints {
  path: RegExp;
  /** The screen's modules (manifest keys), fetched with what they import. */
  modules: string[];
  /** Files started by other means than import (a worker's script): fetched into the cache. */
  files?: string[];
  /** The API reads the screen starts with, from the address's ids. */
  data?: (ids: string[]) => string[];
}

const ROUTES: RouteHints[] = [
  {
    path: new RegExp(`^/co-quan/${UUID}/van-ban/${UUID}$`),
    modules: [
      'src/screens/document/document-page.tsx',
      'src/screens/document/document-viewer.tsx',
      'src/screens/document/pdf-document.ts',
    ],
    files: ['../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs'],
    data: ([agencyId, entryId]) => [
      `/api/v1/agencies/${agencyId}/entries/${entryId}`,
      `/api/v1/agencies/${agencyId}/entries/${entryId}/main-file/content`,
    ],
  },
];

/** The chunk files a module needs, itself first, without those the entry script already loads. */
function chunksOf(manifest: ViteManifest, key: string, seen: Set<string>): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((k) => chunksOf(manifest, k, seen))];
}

/**
 * The hints of every route, worked out once per build (manifest): a function giving the `<link>`
 * elements for a path (empty when the path has none), data first.
 */
export function routePreloads(manifest: ViteManifest): (path: string) => string {
  // what index.html already loads (the entry and its static imports) is not hinted again
  const loaded = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) chunksOf(manifest, key, loaded);
  const routes = ROUTES.map((route) => ({
    route,
    code: [
      ...route.modules
        .flatMap((m) => chunksOf(manifest, m, loaded))
        .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
      ...(route.files ?? [])
        .flatMap((key) => manifest[key]?.file ?? [])
        .map((file) => `<link rel="prefetch" href="/${file}">`),
    ].join(''),
  }));
  return (path) => {
    const found = routes.find((r) => r.route.path.test(path));
    if (!found) return '';
    const ids = found.route.path.exec(path)!.slice(1);
    // `crossorigin`: the app's fetch() is a CORS-mode request, and a preload is used only by a
    // request of the same mode (cookies still go: same origin)
    const data = (found.route.data?.(ids) ?? []).map(
      (url) => `<link rel="preload" as="fetch" crossorigin href="${url}">`,
    );
    return data.join('') + found.code;
  };
}
