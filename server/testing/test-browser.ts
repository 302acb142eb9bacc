// Just enough of a browser for sign-in tests over direct HTTP: a cookie jar keyed by host name and path (cookies
// ignore ports, so a provider and the console on 127.0.0.1 share it, as in a real browser), redirects followed
// one by one, and the first form of a page submitted with its hidden fields.

interface StoredCookie {
  value: string;
  path: string;
}

export interface TestBrowser {
  /** One request, no redirect followed; cookies sent and stored. */
  request(url: string, init?: RequestInit): Promise<Response>;
  /**
   * Follows redirects until a non-redirect answer, or until the answer of a URL `stopAt` accepts (a redirect
   * one would not want to follow: an attack's target); returns it with its URL.
   */
  navigate(url: string, init?: RequestInit, stopAt?: StopAt): Promise<{ res: Response; url: string }>;
  /** Submits the page's first form (hidden inputs plus `fields`) and follows the redirects. */
  submitForm(
    pageUrl: string,
    html: string,
    fields?: Record<string, string>,
    stopAt?: StopAt,
  ): Promise<{ res: Response; url: string }>;
  cookie(host: string, name: string): string | undefined;
  setCookie(host: string, name: string, value: string): void;
}

export type StopAt = (url: URL) => boolean;

export function createTestBrowser(): TestBrowser {
  const jar = new Map<string, Map<string, StoredCookie>>();
  const cookiesOf = (host: string) => {
    const cookies = jar.get(host) ?? new Map<string, StoredCookie>();
    jar.set(host, cookies);
    return cookies;
  };

  function store(url: URL, res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const attr = (key: string) =>
        attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expired = attr('max-age') === '0' || Date.parse(attr('expires') ?? 'invalid') < Date.now();
      if (expired) cookiesOf(url.hostname).delete(name);
      else cookiesOf(url.hostname).set(name, { value: pair.slice(eq + 1), path: attr('path') ?? '/' });
    }
  }

  async function request(url: string, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url);
    const sent = [...cookiesOf(u.hostname)].filter(([, c]) => u.pathname.startsWith(c.path));
    const headers = new Headers(init.headers);
    if (sent.length) headers.set('cookie', sent.map(([n, c]) => `${n}=${c.value}`).join('; '));
    const res = await fetch(u, { ...init, headers, redirect: 'manual' });
    store(u, res);
    return res;
  }

  async function navigate(url: string, init: RequestInit = {}, stopAt: StopAt = () => false) {
    let res = await request(url, init);
    for (let hops = 0; res.status >= 300 && res.status < 400; hops++) {
      if (stopAt(new URL(url))) break;
      if (hops > 20) throw new Error(`too many redirects from ${url}`);
      url = new URL(res.headers.get('location') ?? '', url).href;
      res = await request(url, { headers: { accept: 'text/html' } });
    }
    return { res, url };
  }

  function submitForm(pageUrl: string, html: string, fields: Record<string, string> = {}, stopAt?: StopAt) {
    const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
    const action = /action="([^"]*)"/.exec(form[1] ?? '')?.[1] ?? pageUrl;
    const body = new URLSearchParams();
    for (const input of (form[2] ?? '').matchAll(/<input\b[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      if (name) body.set(name, /value="([^"]*)"/.exec(input[0])?.[1] ?? '');
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    const target = new URL(action.replaceAll('&amp;', '&'), pageUrl);
    return navigate(
      target.href,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: target.origin,
          accept: 'text/html',
        },
        body,
      },
      stopAt,
    );
  }

  return {
    request,
    navigate,
    submitForm,
    cookie: (host, name) => jar.get(host)?.get(name)?.value,
    setCookie: (host, name, value) => {
      cookiesOf(host).set(name, { value, path: '/' });
    },
  };
}

/** The parts of a gateway or API answer the identity tests read (Node's `Response.json()` is `unknown`). */
export interface Answer {
  data: { person: unknown; profiles: unknown[] };
  error: { code: string; message: string };
}

export async function answerOf(res: Response): Promise<Answer> {
  return (await res.json()) as Answer;
}
