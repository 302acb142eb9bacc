// Starts the console's first contacts request while its JavaScript is still downloading, so the network
// and the script work overlap. Only for the plain list view with well-formed parameters; anything else
// (a profile, a phone lookup, odd values) is left to the app. The app adopts this response only if it
// would have made exactly the same request (src/api/client.ts, takeEarlyResponse), else it is ignored.
// A separate file, not an inline script: the gateway's CSP allows scripts from 'self' only.
(() => {
  try {
    if (location.pathname !== '/') return;
    const query = new URLSearchParams(location.search);
    for (const key of query.keys()) if (!['page', 'page_size', 'search', 'channel'].includes(key)) return;
    const page = query.get('page') ?? '1';
    const size = query.get('page_size') ?? '20';
    const search = (query.get('search') ?? '').trim();
    const channel = query.get('channel');
    if (!/^[1-9]\d{0,5}$/.test(page) || !/^(10|20|50|100)$/.test(size) || search.length > 64) return;
    if (channel !== null && channel !== 'sms' && channel !== 'whatsapp') return;
    const out = new URLSearchParams({ page, page_size: size });
    if (search) out.set('search', search);
    if (channel) out.set('channel', channel);
    const url = `/v3/contacts?${out}`;
    const response = fetch(url, { headers: { accept: 'application/json' } });
    response.catch(() => {}); // Unadopted failures must not surface as unhandled rejections.
    window.__sentEarly = { url, response };
  } catch {
    // Never let the head start break the page.
  }
})();
