import { describe, expect, it } from 'vitest';
import { canonicalPath } from './canonical-path.ts';

describe('canonicalPath: one spelling, decoded once', () => {
  it.each([
    ['/', '/'],
    ['/v3/contacts', '/v3/contacts'],
    ['/activity/', '/activity/'],
    ['/__audit/%65xports', '/__audit/exports'],
    ['/v%33/me', '/v3/me'],
    ['/contacts/abc_-.~', '/contacts/abc_-.~'],
  ])('%s → %s', (raw, path) => {
    expect(canonicalPath(raw)).toEqual({ ok: true, path });
  });

  it.each([
    '/__audit%2Fexports', // an encoded separator
    '/a%5Cb', // an encoded backslash
    '/__audit/%2565xports', // double encoding leaves a '%'
    '/a/%2e%2e/b', // a dot segment that survived the URL parser
    '/a/%2E',
    '/a//b', // an empty segment
    '/a/%00', // control characters
    '/a/%0A',
    '/a/%20b', // not a character of a console path
    '/a/%E2%80%AE', // non-ASCII (a right-to-left override)
    '/a/%zz', // not a percent-encoding
    '/a/%',
  ])('%s is refused', (raw) => {
    expect(canonicalPath(raw)).toEqual({ ok: false });
  });
});
