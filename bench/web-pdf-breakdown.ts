import type { Page } from 'playwright-core';

/**
 * Where the time to the first PDF page goes, read from the page's own performance timeline
 * (resource timing of every request, the viewer's `pdf:*` marks), each as milliseconds from
 * navigation start. `<part>` is when that part was done (response end, or the mark); the
 * `_start` parts say when a request was sent, so a wait between two parts shows as a gap.
 */
export type Breakdown = Record<string, number>;

const RESOURCES: [string, RegExp][] = [
  ['app_js', /\/assets\/index-[^/]+\.js$/],
  ['auth_me', /\/api\/v1\/auth\/me$/],
  ['route_chunk', /\/assets\/document-page-[^/]+\.js$/],
  ['viewer_chunk', /\/assets\/(pdf-pages|document-viewer)-[^/]+\.js$/],
  ['pdf_lib_chunk', /\/assets\/pdf-document-[^/]+\.js$/],
  ['worker_script', /\/assets\/pdf\.worker[^/]*\.m?js$/],
  ['entry', /\/api\/v1\/agencies\/[^/]+\/entries\/[0-9a-f-]{36}$/],
  ['pdf_download', /\/(versions\/[0-9a-f-]{36}|main-file)\/content$/],
  ['verify_report', /\/api\/v1\/verify$/],
];

interface Timeline {
  nav?: { responseEnd: number };
  resources: { name: string; startTime: number; responseEnd: number }[];
  marks: { name: string; startTime: number }[];
}

export async function pdfBreakdown(page: Page): Promise<Breakdown> {
  // browser code as text: this program is typed without the DOM
  const timeline = (await page.evaluate(`({
    nav: performance.getEntriesByType('navigation').map((e) => ({ responseEnd: e.responseEnd }))[0],
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      startTime: e.startTime,
      responseEnd: e.responseEnd,
    })),
    marks: performance.getEntriesByType('mark').map((e) => ({ name: e.name, startTime: e.startTime })),
  })`)) as Timeline;
  const out: Breakdown = { html: timeline.nav?.responseEnd ?? NaN };
  for (const [part, pattern] of RESOURCES) {
    const r = timeline.resources.find((x) => pattern.test(new URL(x.name).pathname));
    // a part that never happened (no verification request) is left out, not counted as 0
    if (!r) continue;
    out[`${part}_start`] = r.startTime;
    out[part] = r.responseEnd;
  }
  for (const m of timeline.marks) out[m.name.replace(/[^a-z0-9]+/gi, '_')] = m.startTime;
  out.font_requests = timeline.resources.filter((r) =>
    /standard_fonts|cmaps|\.pfb|\.bcmap/.test(r.name),
  ).length;
  return out;
}

/** The median of each part over the runs that have it. */
export function medianBreakdown(runs: Breakdown[]): Breakdown {
  const parts = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  const out: Breakdown = {};
  for (const part of parts) {
    const xs = runs
      .map((r) => r[part])
      .filter((x) => x !== undefined && !Number.isNaN(x))
      .sort((a, b) => a - b);
    if (xs.length) out[part] = xs[Math.floor(xs.length / 2)];
  }
  return out;
}
