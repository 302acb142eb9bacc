// Head start for the first contacts request while the app's JS downloads; adopted by src/api/client.ts
// (takeEarlyResponse) only for the identical request. A file, not inline: the gateway's CSP forbids inline.
(() => {
  try {
    if (location.pathname !== '/') return;
    const q = new URLSearchParams(location.search);
    for (const key of q.keys()) if (!['page', 'page_size', 'search', 'channel'].includes(key)) return;
    const page = q.get('page') ?? '1';
    const size = q.get('page_size') ?? '20';
    const search = (q.get('search') ?? '').trim();
    const channel = q.get('channel');
    if (!/^[1-9]\d{0,5}$/.test(page) || !/^(10|20|50|100)$/.test(size) || search.length > 64) return;
    if (channel !== null && channel !== 'sms' && channel !== 'whatsapp') return;
    const out = new URLSearchParams({ page, page_size: size });
    if (search) out.set('search', search);
    if (channel) out.set('channel', channel);
    const url = `/v3/contacts?${out}`;
    const response = fetch(url, { headers: { accept: 'application/json' } });
    response.catch(() => {});
    window.__sentEarly = { url, response };
  } catch {}
})();
