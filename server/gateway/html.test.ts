import { describe, expect, it } from 'vitest';
import { injectApiVersion } from './html.ts';

const page = '<!doctype html>\n<html lang="en">\n  <head>\n    <title>x</title>\n  </head></html>';

describe('injectApiVersion', () => {
  it('leaves v3 pages untouched', () => {
    expect(injectApiVersion(page, 'v3')).toBe(page);
  });
  it('marks v1 first thing in <head>', () => {
    const html = injectApiVersion(page, 'v1');
    expect(html.indexOf('<meta name="sent-api-version" content="v1" />')).toBeGreaterThan(
      html.indexOf('<head>'),
    );
  });
  it('still marks a page without a <head>', () => {
    expect(injectApiVersion('<p>x</p>', 'v1')).toContain('content="v1"');
  });
});

describe('the gateway serving a v1 account', () => {
  it('marks index.html (every client route) for SENT_API_VERSION=v1 and leaves v3 unmarked', async () => {
    const { deadUrl, makeFixtureDist, startTestGateway } = await import('../testing/gateway-harness.ts');
    const dist = makeFixtureDist();
    const v1 = await startTestGateway(await deadUrl(), { distDir: dist, apiVersion: 'v1' });
    const v3 = await startTestGateway(await deadUrl(), { distDir: dist });
    try {
      for (const path of ['/', '/contacts/abc']) {
        expect(await (await fetch(v1.url + path)).text()).toContain(
          '<meta name="sent-api-version" content="v1"',
        );
        expect(await (await fetch(v3.url + path)).text()).not.toContain('sent-api-version');
      }
    } finally {
      await Promise.all([v1.close(), v3.close()]);
    }
  });
});
