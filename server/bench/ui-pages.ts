// What bench:ui runs inside the browser: the bare baseline page and the timing probes.

/** The baseline: the least a page can do to show the same first 20 rows. */
export const BARE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body>
<table><thead><tr><th>Number</th><th>Country</th><th>Channels</th><th>Default</th><th>Opt-out</th><th>Inherited</th><th>Created</th></tr></thead><tbody id="rows"></tbody></table>
<script>
fetch('/v3/contacts?page=1&page_size=20').then((r) => r.json()).then((body) => {
  const esc = (v) => String(v ?? '').replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
  document.getElementById('rows').innerHTML = body.data.contacts.map((c) =>
    '<tr class="row-link"><th>' + esc(c.format_international) + '</th><td>' + esc(c.region_code) + '</td><td>' +
    esc(c.available_channels) + '</td><td>' + esc(c.default_channel) + '</td><td>' + (c.opt_out ? 'Yes' : 'No') +
    '</td><td>' + (c.is_inherited ? 'Yes' : 'No') + '</td><td>' + esc(new Date(c.created_at).toLocaleDateString()) +
    '</td></tr>').join('');
});
</script></body></html>`;

/**
 * Records when the first row lands in the DOM, relative to navigation start, and when the console is ready
 * for input (html[data-ready], set once React has taken over).
 */
export const FIRST_ROWS_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('tbody tr.row-link')) {
      window.__firstRows = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new MutationObserver((_, observer) => {
    if (document.documentElement?.hasAttribute('data-ready')) {
      window.__ready = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, attributeFilter: ['data-ready'], subtree: true });`;

/** In the page: clicks "Next page" at the start of a frame and reports when the new rows are in the DOM. */
export const NEXT_PAGE_PROBE = `new Promise((resolve) => {
  const before = document.querySelector('tbody tr.row-link')?.textContent;
  let frames = 0;
  let start = 0;
  const countFrames = () => { frames++; requestAnimationFrame(countFrames); };
  new MutationObserver((_, observer) => {
    const first = document.querySelector('tbody tr.row-link')?.textContent;
    if (first && first !== before) {
      observer.disconnect();
      resolve({ ms: performance.now() - start, frames });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  requestAnimationFrame(() => {
    requestAnimationFrame(countFrames);
    start = performance.now();
    document.querySelector('a[aria-label="Next page"]').click();
  });
})`;
