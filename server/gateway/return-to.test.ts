import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

const BASE = 'https://console.example.com';

describe('safeReturnTo', () => {
  it.each([
    '/contacts?page=2',
    '/contacts/c_1?profile=p#x',
    'contacts', // relative: resolved on the console's own origin
    'https://console.example.com/activity',
  ])('keeps the same-origin path %j', (next) => {
    const want = new URL(next, BASE);
    expect(safeReturnTo(next, BASE)).toBe(want.pathname + want.search + want.hash);
  });

  it.each([
    '//evil.example/x',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    '/.//evil.example',
    '/..//evil.example',
    'https://evil.example',
    'http://console.example.com/x', // another scheme is another origin
    'https://console.example.com:444/x',
    'https://user:pw@console.example.com/x',
    'javascript:alert(1)',
    'data:text/html,x',
    '',
    undefined,
    42,
  ])('refuses %j', (next) => {
    expect(safeReturnTo(next, BASE)).toBe('/');
  });

  it('never returns a path a browser would read as another host', () => {
    for (const next of ['/./evil', '/%2F%2Fevil.example', '/%5Cevil.example', 'https:evil.example']) {
      const path = safeReturnTo(next, BASE);
      expect(path.startsWith('//')).toBe(false);
      expect(new URL(path, BASE).origin).toBe(BASE);
    }
  });
});
