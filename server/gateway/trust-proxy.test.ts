import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClientAddress } from './trust-proxy.ts';

const trusted = parseTrustProxy('127.0.0.1,10.0.0.0/8,fd00::/8');

describe('resolveClientAddress', () => {
  it.each([
    ['no trusted proxy: the peer, whatever the header says', '10.0.0.1', '203.0.113.7', null, '10.0.0.1'],
    ['an untrusted peer: its own address', '198.51.100.1', '203.0.113.7', trusted, '198.51.100.1'],
    ['a trusted peer without the header: the peer', '127.0.0.1', undefined, trusted, '127.0.0.1'],
    ['one proxy', '127.0.0.1', '203.0.113.7', trusted, '203.0.113.7'],
    ['the IPv4-mapped form of a trusted peer', '::ffff:127.0.0.1', '203.0.113.7', trusted, '203.0.113.7'],
    ['a forged first hop is skipped', '127.0.0.1', '1.1.1.1, 203.0.113.7', trusted, '203.0.113.7'],
    [
      'two proxies: the rightmost untrusted hop',
      '127.0.0.1',
      '1.1.1.1, 203.0.113.7, 10.1.2.3',
      trusted,
      '203.0.113.7',
    ],
    ['IPv6 hops, inner proxy trusted', '127.0.0.1', '2001:db8::7, fd00::5', trusted, '2001:db8::7'],
    ['ports and brackets', '127.0.0.1', '[2001:db8::7]:443', trusted, '2001:db8::7'],
    ['a port on IPv4', '127.0.0.1', '203.0.113.7:5555', trusted, '203.0.113.7'],
    ['garbage stops at the last trusted hop', '127.0.0.1', 'evil, 10.0.0.9', trusted, '10.0.0.9'],
    ['garbage alone: the peer', '127.0.0.1', 'unknown', trusted, '127.0.0.1'],
    ['every hop trusted: the leftmost', '127.0.0.1', '10.0.0.2, 10.0.0.3', trusted, '10.0.0.2'],
  ])('%s', (_name, peer, header, trust, want) => {
    expect(resolveClientAddress(peer, header, trust)).toBe(want);
  });
});

describe('parseTrustProxy', () => {
  it('nothing set trusts nobody', () => {
    expect(parseTrustProxy(undefined)).toBeNull();
    expect(parseTrustProxy(' , ')).toBeNull();
  });

  it.each(['localhost', '10.0.0.0/', '10.0.0.0/x', '::1/129', '1.2.3.4/8/8', '300.1.1.1'])(
    'refuses %j',
    (raw) => {
      expect(() => parseTrustProxy(raw)).toThrow(/TRUST_PROXY/);
    },
  );
});
