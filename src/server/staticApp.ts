/**
 * Serves the built app (`dist/`) from the endpoint, so the page and the
 * simulation share one origin. `/` is the app attached to this server
 * (`/?server=1`); any path outside the folder is refused.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** What to answer for a GET of `url`: a redirect, a file in `dir`, or undefined (not the app's). */
export type AppAnswer = { redirect: string } | { path: string };

/** The app's answer for `url`, or undefined when `url` names nothing in `dir`. */
export function appFile(dir: string, url: string): AppAnswer | undefined {
  const q = url.indexOf('?');
  const pathname = q < 0 ? url : url.slice(0, q);
  // The app opened from the server always attaches to it.
  if (pathname === '/' && !/[?&]server=1(&|$)/.test(url.slice(q < 0 ? url.length : q))) return { redirect: '/?server=1' };
  let rel: string;
  try {
    rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  // No service worker from here: it would cache a local page that changes with every build.
  if (rel === '/sw.js') return undefined;
  const root = resolve(dir);
  const full = resolve(root, '.' + rel);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    return statSync(full).isFile() ? { path: full } : undefined;
  } catch {
    return undefined;
  }
}

/** Sends the answer (the service worker is left out: a local page must never be served stale). */
export function sendFile(res: ServerResponse | Http2ServerResponse, a: AppAnswer): void {
  if ('redirect' in a) {
    res.writeHead(302, { location: a.redirect, 'content-length': 0 });
    res.end();
    return;
  }
  const body = readFileSync(a.path);
  res.writeHead(200, { 'content-type': TYPES[extname(a.path)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' });
  res.end(body);
}
