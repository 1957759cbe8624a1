/**
 * `npm run bench:web-ab -- <before web dir> [after web dir] [runs]`: the first PDF page of one
 * issued document served by two builds of the web UI at once (two servers on copies of one demo
 * world, the same Chromium), cold contexts alternated between them, so both see the same load of
 * a shared machine. Prints web_pdf_first_page_{before,after}_ms (in the page, as bench:web) and
 * the *_polled_ms twins, medians of `runs` (11). The "after" build is dist/web by default; a
 * "before" build is made from an older commit's apps/web with Vite into a folder of its own.
 */
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, startBuiltServer, WEB_DIR } from '../apps/web/test/support/built-server';
import { DISTRICT, WebWorld } from '../apps/web/test/support/world';

const [beforeDir, afterDir = WEB_DIR, runsArg = '11'] = process.argv.slice(2);
const RUNS = Number(runsArg);
const SELECTOR = '.pdf-page[data-rendered="true"]';

const print = (name: string, value: number) =>
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 10) / 10, unit: 'ms' })}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function firstPage(browser: Browser, url: string, path: string): Promise<[number, number]> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 } });
  await context.request.post('/api/v1/auth/login', {
    data: { username: DISTRICT.clerk, password: DEMO_PASSWORD },
  });
  const page = await context.newPage();
  // browser code as text: this program is typed without the DOM
  await page.addInitScript(
    `new MutationObserver((_, o) => {
       if (document.querySelector(${JSON.stringify(SELECTOR)})) { window.__drawn = performance.now(); o.disconnect(); }
     }).observe(document, { subtree: true, childList: true, attributes: true });`,
  );
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator(SELECTOR).first().waitFor({ timeout: 60_000 });
  const polled = Number(await page.evaluate('performance.now()'));
  const drawn = Number(await page.evaluate('window.__drawn'));
  await context.close();
  return [drawn, polled];
}

async function main(): Promise<void> {
  if (!beforeDir || !Number.isInteger(RUNS) || RUNS < 1)
    throw new Error('usage: web-pdf-ab.bench.js <before web dir> [after web dir] [runs]');
  const world = new WebWorld();
  await world.setUp();
  await world.fresh();
  const agencyId = await world.api.agencyOf(DISTRICT.clerk);
  const issued = await world.issueFromDistrict('Về việc đo thời gian mở văn bản đã ký');
  await world.server.stop({ keepData: true });
  const copy = `${world.server.dataDir}-b`;
  execFileSync('cp', ['-a', world.server.dataDir, copy]);
  const servers = {
    before: await startBuiltServer(world.server.dataDir, { VANTHU_WEB_DIR: beforeDir }),
    after: await startBuiltServer(copy, { VANTHU_WEB_DIR: afterDir }),
  };
  const path = `/co-quan/${agencyId}/van-ban/${issued.id}`;
  const seen = { before: [[], []] as number[][], after: [[], []] as number[][] };
  try {
    // one load each first: the servers' own first-request costs are not the UI's
    for (const k of ['before', 'after'] as const)
      await firstPage(world.chromium.browser, servers[k].url, path);
    for (let i = 0; i < RUNS; i++)
      for (const k of i % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
        const [drawn, polled] = await firstPage(world.chromium.browser, servers[k].url, path);
        seen[k][0].push(drawn);
        seen[k][1].push(polled);
      }
    for (const k of ['before', 'after'] as const) {
      print(`web_pdf_first_page_${k}_ms`, median(seen[k][0]));
      print(`web_pdf_first_page_${k}_polled_ms`, median(seen[k][1]));
    }
  } finally {
    await servers.before.stop();
    await servers.after.stop();
    await world.tearDown();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
