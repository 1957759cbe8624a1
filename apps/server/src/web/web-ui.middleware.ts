import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { contentSecurityPolicy, NONCE_PLACEHOLDER } from './content-security-policy';
import { routePreloads, type ViteManifest } from './route-preloads';

/**
 * Paths the server owns: never answered with the UI, so an unknown route there stays a JSON 404.
 * `/exchange` is other installations' (a peer asking for a receipt must never get index.html).
 */
const SERVER_PATHS = /^\/(api(\/|$)|exchange(\/|$)|health$|ready$)/;

const PAGE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const MISSING_UI = `<!doctype html><html lang="vi"><meta charset="utf-8"><title>vanthu</title>
<p>Giao diện web chưa được build. Chạy <code>npm run build</code> (hoặc <code>npm start</code>) rồi tải lại trang.</p></html>`;

/**
 * Serves the built single-page application from `dir`: files under it as they are (hashed assets
 * cached for a year), and index.html for every other GET outside the API so that deep links such
 * as /van-ban-den/… load the app, which then routes. index.html is sent with a fresh CSP nonce for
 * the style elements antd's CSS-in-JS inserts; no script runs inline.
 */
export function webUiMiddleware(dir: string) {
  const root = normalize(dir + sep);
  const indexPath = join(root, 'index.html');
  const manifestPath = join(root, '.vite', 'manifest.json');
  let index: { html: string; hints: (path: string) => string; mtimeMs: number } | undefined;

  const readIndex = (): typeof index => {
    if (!existsSync(indexPath)) return undefined;
    const mtimeMs = statSync(indexPath).mtimeMs;
    // Re-read after a rebuild of the UI while the server runs (cheap stat, no restart needed).
    if (!index || index.mtimeMs !== mtimeMs) {
      index = {
        html: readFileSync(indexPath, 'utf8'),
        hints: routePreloads(readManifest(manifestPath)),
        mtimeMs,
      };
    }
    return index;
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    const file = staticFile(root, req.path);
    if (file) {
      res.set(PAGE_HEADERS);
      const immutable = req.path.startsWith('/assets/');
      res.sendFile(file, { dotfiles: 'deny', maxAge: immutable ? '365d' : 0, immutable }, (err) => {
        if (err && !res.headersSent) next(err);
      });
      return;
    }
    if (/\.[a-z0-9]{1,8}$/i.test(req.path)) {
      // A missing asset (an old hash after a rebuild) is a 404, not the app's HTML.
      res.status(404).type('text/plain; charset=utf-8').send('Không tìm thấy tệp.');
      return;
    }
    const page = readIndex();
    const nonce = randomBytes(16).toString('base64');
    res.set({
      ...PAGE_HEADERS,
      'Content-Security-Policy': contentSecurityPolicy(nonce),
      'Cache-Control': 'no-cache',
    });
    if (!page) {
      res.type('text/html; charset=utf-8').send(MISSING_UI);
      return;
    }
    const html = page.html
      .split(NONCE_PLACEHOLDER)
      .join(nonce)
      .replace('</head>', `${page.hints(req.path)}</head>`);
    res.type('text/html; charset=utf-8').send(html);
  };
}

/** Vite's manifest; a build without one (or a damaged one) serves the app without route hints. */
function readManifest(path: string): ViteManifest {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ViteManifest;
  } catch {
    return {};
  }
}

/** The file under `root` for a URL path, or undefined: no traversal out of root, no index.html. */
function staticFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded === '/' || decoded === '/index.html') return undefined;
  const file = normalize(join(root, decoded));
  if (!file.startsWith(root)) return undefined;
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}
