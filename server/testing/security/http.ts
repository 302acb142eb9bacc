// The attack suite's HTTP client: requests sent byte for byte (node:http, so a path keeps its encodings, its
// backslashes and its dot segments, which fetch would normalise), with whatever headers an attacker picks.
import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed body (an envelope, v1's bare body, the audit API's JSON); null when not JSON. */
  json: { success?: boolean; data?: unknown; error?: { code?: string; message?: string } } & Record<
    string,
    unknown
  >;
}

export interface Send {
  method?: string;
  headers?: Record<string, string>;
  /** A string, or a byte count: that many bytes sent chunked (no content-length). */
  body?: string | { chunkedBytes: number };
}

export function send(baseUrl: string, path: string, opts: Send = {}): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const headers: Record<string, string> = { ...opts.headers };
  if (typeof opts.body === 'string') headers['content-length'] = String(Buffer.byteLength(opts.body));
  // Node frames DELETE bodies as chunked only when told to.
  else if (opts.body) headers['transfer-encoding'] = 'chunked';
  return new Promise((resolve, reject) => {
    // A connection per request: a body the gateway refused unread must not spill into the next request.
    const options = { hostname, port, path, method: opts.method ?? 'GET', headers, agent: false };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Answer['json'] = {};
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON: a page, a CSV
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    // The gateway may answer (413) and close before a large body is all sent.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
    );
    if (typeof opts.body === 'string') req.end(opts.body);
    else if (opts.body) {
      const chunk = Buffer.alloc(16 * 1024, 'a');
      for (let sent = 0; sent < opts.body.chunkedBytes; sent += chunk.length) req.write(chunk);
      req.end();
    } else req.end();
  });
}

/** The envelope's error code, or null. */
export const codeOf = (answer: Answer): string | null => answer.json.error?.code ?? null;

/** Headers of a request the console's own page sends (browsers say where a request comes from). */
export const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' };
/** A top-level navigation another site started (a link, a redirect, a form). */
export const CROSS_SITE_NAVIGATION = {
  'sec-fetch-site': 'cross-site',
  'sec-fetch-mode': 'navigate',
  'sec-fetch-dest': 'document',
  accept: 'text/html',
};
