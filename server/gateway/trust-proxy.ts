// Who the client is behind reverse proxies (TRUST_PROXY: addresses or CIDRs of the proxies in front). The
// socket peer is the client unless it is a trusted proxy; then X-Forwarded-For is read from the right (each
// proxy appends the address it saw) and the first hop that is not a trusted proxy is the client. Anything to
// its left was written by the client itself and means nothing. Node's BlockList matches the CIDRs (IPv4,
// IPv6, and IPv4-mapped IPv6 peers such as ::ffff:10.0.0.2).
import { BlockList, isIP } from 'node:net';
import { ConfigError } from './config-error.ts';

export interface TrustedProxies {
  /** The settings as given, for the start-up line. */
  readonly list: readonly string[];
  has(address: string): boolean;
}

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** TRUST_PROXY's value; empty or unset trusts nobody (the socket peer is the client). */
export function parseTrustProxy(raw: string | undefined): TrustedProxies | null {
  const list = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) return null;
  const blocks = new BlockList();
  for (const entry of list) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 6 ? 128 : 32;
    const valid =
      family !== 0 &&
      extra === undefined &&
      (bits === null || (/^\d{1,3}$/.test(prefix ?? '') && bits >= 0 && bits <= max));
    if (!valid) {
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is not an IP address or CIDR (e.g. 127.0.0.1,10.0.0.0/8,fd00::/8).`,
      );
    }
    if (bits === null) blocks.addAddress(address, familyOf(address));
    else blocks.addSubnet(address, bits, familyOf(address));
  }
  return {
    list,
    has: (address) => isIP(address) !== 0 && blocks.check(address, familyOf(address)),
  };
}

/** "1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443" or "2001:db8::1" → the address; '' when it is none. */
function hopAddress(hop: string): string {
  const h = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(h);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(h);
  const address = bracketed?.[1] ?? v4WithPort?.[1] ?? h;
  return isIP(address) ? address : '';
}

/** The client's address: the socket peer, or the rightmost hop of X-Forwarded-For no trusted proxy wrote. */
export function resolveClientAddress(
  peer: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies | null,
): string {
  if (!trusted || !forwardedFor || !trusted.has(peer)) return peer;
  let client = peer;
  const hops = forwardedFor.split(',').reverse();
  for (const hop of hops) {
    const address = hopAddress(hop);
    // A hop that is not an address: whoever wrote it is not a proxy we know; the last good one stands.
    if (!address) return client;
    client = address;
    if (!trusted.has(address)) return client;
  }
  return client;
}
