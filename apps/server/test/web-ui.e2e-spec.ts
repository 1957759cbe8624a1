import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import request from 'supertest';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';

const INDEX = `<!doctype html><html lang="vi"><head><meta name="csp-nonce" content="__CSP_NONCE__"></head>
<body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>`;

/** A Vite build manifest: the entry, the document screen's chunks and pdf.js's worker. */
const MANIFEST = {
  'index.html': { file: 'assets/app-abc123.js', isEntry: true, imports: ['_runtime.js'] },
  '_runtime.js': { file: 'assets/runtime-1.js' },
  '_table.js': { file: 'assets/table-2.js', imports: ['_runtime.js'] },
  'src/screens/document/document-page.tsx': {
    file: 'assets/document-page-3.js',
    imports: ['index.html', '_table.js'],
  },
  'src/screens/document/document-viewer.tsx': {
    file: 'assets/document-viewer-4.js',
    imports: ['index.html', '_table.js', 'src/screens/document/pdf-document.ts'],
  },
  'src/screens/document/pdf-document.ts': { file: 'assets/pdf-document-5.js', imports: ['index.html'] },
  '../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs': { file: 'assets/pdf.worker.min-6.mjs' },
};

function filesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

async function blankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

describe('the web UI served by the server', () => {
  let server: TestServer;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'vanthu-web-ui-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets/app-abc123.js'), 'console.log("vanthu");');
    mkdirSync(join(webDir, '.vite'));
    writeFileSync(join(webDir, '.vite/manifest.json'), JSON.stringify(MANIFEST));
    server = await startTestServer({
      VANTHU_WEB_DIR: webDir,
      VANTHU_PUBLIC_VERIFY_PER_MINUTE: '3',
      VANTHU_PUBLIC_VERIFY_LIMIT_MB: '1',
    });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers deep links with index.html, a CSP whose nonce is new each time and in the page', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/co-quan/abc/van-ban-den?tab=cho-vao-so', '/xac-thuc']) {
      const res = await request(server.url).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      const nonce = csp.match(/'nonce-([^']+)'/)![1];
      expect(res.text).toContain(`<meta name="csp-nonce" content="${nonce}">`);
      expect(res.text).not.toContain('__CSP_NONCE__');
      expect(res.headers['x-frame-options']).toBe('DENY');
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it("starts a document's data, screen chunks and pdf.js worker from the page's head, and only there", async () => {
    const agencyId = randomUUID();
    const entryId = randomUUID();
    const page = (await request(server.url).get(`/co-quan/${agencyId}/van-ban/${entryId}`).expect(200)).text;
    const head = page.slice(0, page.indexOf('</head>'));
    const links = [...head.matchAll(/<link rel="([a-z]+)"[^>]*href="([^"]+)"/g)].map(
      ([, rel, href]) => `${rel} ${href}`,
    );
    expect(links).toEqual([
      `preload /api/v1/agencies/${agencyId}/entries/${entryId}`,
      `preload /api/v1/agencies/${agencyId}/entries/${entryId}/main-file/content`,
      // each chunk once, none the entry script already loads (app, runtime)
      'modulepreload /assets/document-page-3.js',
      'modulepreload /assets/table-2.js',
      'modulepreload /assets/document-viewer-4.js',
      'modulepreload /assets/pdf-document-5.js',
      'prefetch /assets/pdf.worker.min-6.mjs',
    ]);
    // the app's fetch() is a CORS-mode request: a preload without crossorigin would be fetched twice
    expect(head.match(/rel="preload" as="fetch" crossorigin /g)).toHaveLength(2);
    for (const path of [
      '/co-quan/abc/van-ban-den',
      `/co-quan/${agencyId}/van-ban/${entryId}x`,
      '/xac-thuc',
    ]) {
      const other = (await request(server.url).get(path).expect(200)).text;
      expect(other).not.toMatch(/rel="(preload|modulepreload|prefetch)"/);
    }
  });

  it('serves hashed assets for a year, a missing asset as 404, and never a file outside the folder', async () => {
    const js = await request(server.url).get('/assets/app-abc123.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    await request(server.url).get('/assets/app-old999.js').expect(404);
    const outside = await request(server.url).get('/assets/..%2f..%2f..%2f..%2fetc%2fpasswd');
    expect(outside.text).not.toContain('root:');
  });

  it('leaves the API, the exchange endpoint, /health and /ready to the server', async () => {
    const api = await request(server.url).get('/api/v1/nothing-here').expect(404);
    expect(api.body.code).toBe('NOT_FOUND');
    expect(api.headers['content-security-policy']).toBeUndefined();
    // a peer asking for a receipt gets the exchange's JSON answer, never the UI (index.html with
    // 200 read as an invalid receipt, retried forever: seen in the crash test)
    const receipt = await request(server.url).get(`/exchange/v1/consignments/${randomUUID()}/receipt`);
    expect(receipt.headers['content-type']).toMatch(/json/);
    expect(receipt.status).toBeGreaterThanOrEqual(400);
    expect(receipt.text).not.toContain('<!doctype html>');
    await request(server.url).get('/exchange/v1/nothing-here').expect(404);
    expect((await request(server.url).get('/health').expect(200)).body).toEqual({ status: 'ok' });
    await request(server.url).get('/ready').expect(200);
    // a POST outside /api is not the UI's either
    await request(server.url).post('/co-quan/abc').expect(404);
  });

  it('verifies a PDF for anyone without a session, keeps nothing, and limits rate and size', async () => {
    const objectsDir = join(server.dataDir, 'objects');
    mkdirSync(objectsDir, { recursive: true });
    const before = filesUnder(objectsDir);
    const audit = async () =>
      Number((await server.db.dataSource.query('SELECT count(*) AS n FROM audit_event'))[0].n);
    const eventsBefore = await audit();
    const pdf = await blankPdf();

    const ok = await request(server.url)
      .post('/api/v1/public/verify')
      .attach('file', pdf, { filename: 'van-ban.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(ok.body.signatures).toEqual([]);
    expect(filesUnder(objectsDir)).toBe(before);
    expect(await audit()).toBe(eventsBefore);

    const big = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const tooBig = await request(server.url)
      .post('/api/v1/public/verify')
      .attach('file', big, { filename: 'lon.pdf', contentType: 'application/pdf' })
      .expect(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');

    const noFile = await request(server.url).post('/api/v1/public/verify').expect(400);
    expect(noFile.body.code).toBe('FILE_REQUIRED');

    // 3 per minute: the three above were counted; the fourth is refused in Vietnamese
    const limited = await request(server.url)
      .post('/api/v1/public/verify')
      .attach('file', pdf, { filename: 'van-ban.pdf', contentType: 'application/pdf' })
      .expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.body.message).toContain('quá nhiều');
  });
});
