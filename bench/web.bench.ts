/**
 * `npm run bench:web`: the web UI in Debian's Chromium against the built server on the demo world.
 *
 * - web_js_initial_gzip_kb: every JavaScript file the browser loads to open the app and log in
 *   until the desk (the first screen) is shown, gzip-compressed (level 6, as a web server would
 *   send it); web_js_through_list_gzip_kb adds what opening a register list loads (the windowed entry list).
 *   Neither includes pdf.js, which only the viewer loads (checked).
 * - web_list_first_rows_ms: a new browser context (cold cache, session cookie) opening the draft
 *   list of an agency holding 10,000 drafts, from navigation start to the first table row drawn;
 *   median of 5.
 * - web_pdf_first_page_ms: the same for a signed document, to its first PDF page drawn by pdf.js;
 *   median of 5. Both are taken inside the page (see timeTo); `*_polled_ms` are the same loads as
 *   Playwright's polling saw them. web_pdf_breakdown_*: where the first page's time goes.
 */
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { nd30Pdf } from '../libs/signing/test-fixtures/nd30-document';
import { databaseUrl, DEMO_PASSWORD } from '../apps/web/test/support/built-server';
import { DISTRICT, WebWorld } from '../apps/web/test/support/world';
import { type Breakdown, medianBreakdown, pdfBreakdown } from './web-pdf-breakdown';

const RUNS = 5;
const ENTRIES = 10_000;

const print = (name: string, value: number, unit: string) =>
  process.stdout.write(`${JSON.stringify({ name, value: Math.round(value * 10) / 10, unit })}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function loggedInPage(browser: Browser, url: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1366, height: 768 } });
  const res = await context.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
  return context.newPage();
}

/**
 * Milliseconds from navigation start until `selector` is in the page, in a cold context: `drawn`
 * as the page itself saw it (a MutationObserver installed before any of the app's scripts runs),
 * `polled` when Playwright's polling noticed it (what round 1 and 2 reported; on a loaded machine
 * the polling and its round trip add 100–400 ms the user does not wait for).
 */
async function timeTo(
  browser: Browser,
  url: string,
  path: string,
  selector: string,
  breakdowns?: Breakdown[],
): Promise<{ drawn: number; polled: number }> {
  const page = await loggedInPage(browser, url, DISTRICT.clerk);
  // browser code as text: this program is typed without the DOM
  await page.addInitScript(
    `new MutationObserver((_, observer) => {
       if (window.__benchSeen === undefined && document.querySelector(${JSON.stringify(selector)})) {
         window.__benchSeen = performance.now();
         observer.disconnect();
       }
     }).observe(document, { subtree: true, childList: true, attributes: true });`,
  );
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  const polled = Number(await page.evaluate('performance.now()'));
  const drawn = Number(await page.evaluate('window.__benchSeen'));
  if (Number.isNaN(drawn)) throw new Error(`the page never saw ${selector}`);
  // the panel's requests may still be on their way: wait for them so the breakdown shows them
  if (breakdowns) {
    await page.waitForLoadState('networkidle');
    breakdowns.push(await pdfBreakdown(page));
  }
  await page.context().close();
  return { drawn, polled };
}

async function main(): Promise<void> {
  const world = new WebWorld();
  try {
    await world.setUp();
    await world.fresh();
    const api = world.api;
    const agencyId = await api.agencyOf(DISTRICT.clerk);
    const issued = await world.issueFromDistrict('Về việc đo thời gian mở văn bản đã ký');
    const draft = await api.draft(
      DISTRICT.drafter,
      DISTRICT.leader,
      await nd30Pdf({ signerName: 'Nguyễn Văn An' }),
      {
        subject: 'Dự thảo số 1',
        recipients: ['000.01.12.H15'],
      },
    );

    // 9,999 more drafts: copies of the one made through the API, each its own id and subject
    const db = new Client({ connectionString: databaseUrl(world.server) });
    await db.connect();
    const { rows } = await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'register_entry' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'subject', 'search_text')`,
    );
    const cols = rows.map((r) => `"${r.column_name}"`).join(', ');
    await db.query(
      `INSERT INTO register_entry (id, subject, search_text, ${cols})
       SELECT gen_random_uuid(), 'Dự thảo số ' || (g + 1), 'du thao so ' || (g + 1), ${cols}
         FROM register_entry, generate_series(1, $2::int - 1) g WHERE id = $1`,
      [draft.id, ENTRIES],
    );
    await db.query('ANALYZE register_entry');
    await db.end();

    const { browser } = world.chromium;
    const base = `/co-quan/${agencyId}`;

    // JavaScript before the viewer: login page, then the desk, then a register list
    const context = await browser.newContext({
      baseURL: world.server.url,
      viewport: { width: 1366, height: 768 },
    });
    const page = await context.newPage();
    const scripts = new Map<string, Buffer>();
    page.on('response', async (res) => {
      if (res.url().endsWith('.js') && res.ok()) scripts.set(res.url(), await res.body());
    });
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(DISTRICT.clerk);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/ban-lam-viec$/);
    await page.getByRole('link', { name: /Chờ phát hành/ }).waitFor();
    await page.waitForLoadState('networkidle');
    const gzipKb = () =>
      [...scripts.values()].reduce((sum, b) => sum + gzipSync(b, { level: 6 }).length, 0) / 1024;
    print('web_js_initial_gzip_kb', gzipKb(), 'KB');
    await page.getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    await page.locator('.entry-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    print('web_js_through_list_gzip_kb', gzipKb(), 'KB');
    if ([...scripts.keys()].some((u) => /pdf/.test(u)))
      throw new Error('pdf.js was loaded before the viewer');
    await context.close();

    const list: { drawn: number; polled: number }[] = [];
    const pdf: { drawn: number; polled: number }[] = [];
    const breakdowns: Breakdown[] = [];
    for (let i = 0; i < RUNS; i++) {
      list.push(await timeTo(browser, world.server.url, `${base}/van-ban-di?tab=du-thao`, '.entry-row'));
      pdf.push(
        await timeTo(
          browser,
          world.server.url,
          `${base}/van-ban/${issued.id}`,
          '.pdf-page[data-rendered="true"]',
          breakdowns,
        ),
      );
    }
    print('web_list_first_rows_ms', median(list.map((x) => x.drawn)), 'ms');
    print('web_list_first_rows_polled_ms', median(list.map((x) => x.polled)), 'ms');
    print('web_pdf_first_page_ms', median(pdf.map((x) => x.drawn)), 'ms');
    print('web_pdf_first_page_polled_ms', median(pdf.map((x) => x.polled)), 'ms');
    for (const [part, value] of Object.entries(medianBreakdown(breakdowns)))
      print(
        `web_pdf_breakdown_${part}${part === 'font_requests' ? '' : '_ms'}`,
        value,
        part === 'font_requests' ? 'count' : 'ms',
      );
  } finally {
    await world.tearDown();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
