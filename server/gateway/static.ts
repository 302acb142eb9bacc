// Serves the Vite build: hashed assets cached for a year, everything else revalidated, and index.html for
// client-side routes (paths without a file extension) so deep links and reloads work.
//
// Why not @hono/node-server's serveStatic (evaluated for issue 19): it sends no ETag, so the `no-cache`
// revalidation of index.html and unhashed files would download them again each time instead of a 304; it
// serves dotfiles (a build's .env) unless a guard is put in front; it compresses only from .br/.gz files
// precompressed on disk (here: once in memory, on first use); it stats the disk synchronously on every
// request; and index.html is rewritten at runtime (the API version marker, html.ts), which it cannot do.
// Each of those would be code around it; this file is that code without it.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest']);

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Vite names emitted assets `name-<hash>.ext` under assets/. */
export function isHashedAsset(relPath: string): boolean {
  return /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(relPath);
}

interface Entry {
  mtimeMs: number;
  size: number;
  etag: string;
  raw: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

/** `transformHtml` rewrites HTML files once per change on disk (e.g. the API version marker). */
export function createStaticHandler(distDir: string, transformHtml?: (html: string) => string) {
  const root = resolve(distDir);
  const cache = new Map<string, Entry>();

  async function load(file: string): Promise<Entry | null> {
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) return null;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    let raw = await readFile(file);
    if (transformHtml && extname(file) === '.html') raw = Buffer.from(transformHtml(raw.toString('utf8')));
    const etag = `"${createHash('sha1').update(raw).digest('base64url')}"`;
    const entry: Entry = { mtimeMs: st.mtimeMs, size: st.size, etag, raw };
    if (COMPRESSIBLE.has(extname(file)) && raw.byteLength > 1024) {
      entry.gzip = gzipSync(raw);
      entry.br = brotliCompressSync(raw);
    }
    cache.set(file, entry);
    return entry;
  }

  function respond(req: Request, entry: Entry, file: string, cacheControl: string): Response {
    const headers = new Headers({
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      etag: entry.etag,
    });
    if (entry.gzip) headers.set('vary', 'accept-encoding');
    if (req.headers.get('if-none-match') === entry.etag) return new Response(null, { status: 304, headers });
    const accepts = req.headers.get('accept-encoding') ?? '';
    let body = entry.raw;
    if (entry.br && /\bbr\b/.test(accepts)) {
      body = entry.br;
      headers.set('content-encoding', 'br');
    } else if (entry.gzip && /\bgzip\b/.test(accepts)) {
      body = entry.gzip;
      headers.set('content-encoding', 'gzip');
    }
    headers.set('content-length', String(body.byteLength));
    return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  }

  /** The path as a file under dist/, or null for anything that cannot be one (traversal, dotfiles, NUL). */
  function fileOf(req: Request): { rel: string; file: string } | null | 'bad' {
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url).pathname).replace(/^\/+/, '');
    } catch {
      return 'bad';
    }
    // No dotfiles, no traversal, no NUL: anything odd is simply not a file we serve.
    const safe = !rel.split('/').some((seg) => seg.startsWith('.')) && !rel.includes('\0');
    const file = join(root, rel);
    return safe && (rel === '' || file.startsWith(root + sep)) ? { rel, file } : null;
  }

  async function serveStatic(req: Request): Promise<Response> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    const found = fileOf(req);
    if (found === 'bad') return new Response('Bad request', { status: 400 });
    if (!found) return new Response('Not found', { status: 404 });
    const { rel, file } = found;
    if (rel !== '') {
      const entry = await load(file);
      if (entry) return respond(req, entry, file, isHashedAsset(rel) ? IMMUTABLE : REVALIDATE);
    }
    // Missing files with an extension (a stale chunk, a typo) are real 404s, not the app's HTML.
    if (rel !== '' && extname(rel) !== '') return new Response('Not found', { status: 404 });
    const index = join(root, 'index.html');
    const entry = await load(index);
    if (!entry)
      return new Response('The console has not been built (dist/index.html is missing).', { status: 503 });
    return respond(req, entry, index, REVALIDATE);
  }

  /**
   * A real built file under dist/assets/ (hashed JS, CSS: no data, no secrets, a test scans dist/), or null for
   * anything else, which then needs a session like every page. Served before sign-in, so a page whose session
   * ended can still load its chunks and show why it must sign in again.
   */
  async function builtAsset(req: Request): Promise<Response | null> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    const found = fileOf(req);
    if (!found || found === 'bad' || !found.file.startsWith(join(root, 'assets') + sep)) return null;
    const entry = await load(found.file);
    return entry ? respond(req, entry, found.file, isHashedAsset(found.rel) ? IMMUTABLE : REVALIDATE) : null;
  }

  return Object.assign(serveStatic, { builtAsset });
}

export type StaticHandler = ReturnType<typeof createStaticHandler>;
