import { describe, expect, it } from 'vitest';
import { SECRET_A, SECRET_B } from '../../testing/identity-app.ts';
import { createLoginTransactions, LOGIN_TTL_MS } from './login.ts';
import { createSealer } from './seal.ts';

function clock(start = Date.UTC(2026, 0, 5, 9)) {
  const c = { t: start, now: () => c.t };
  return c;
}

const tx = { state: 's', nonce: 'n', codeVerifier: 'v', next: '/x' };

describe('login transactions', () => {
  it('open within their lifetime only', async () => {
    const c = clock();
    const logins = createLoginTransactions({ secrets: [SECRET_A], now: c.now });
    const token = await logins.seal(tx);
    expect(await logins.open(token)).toEqual(tx);
    c.t += LOGIN_TTL_MS;
    expect(await logins.open(token)).toBeNull();
  });

  it('refuse tampered, forged, other-purpose and garbage tokens', async () => {
    const c = clock();
    const logins = createLoginTransactions({ secrets: [SECRET_A], now: c.now });
    const token = await logins.seal(tx);
    const parts = token.split('.');
    const flip = (s: string) =>
      s[10] === 'A' ? `${s.slice(0, 10)}B${s.slice(11)}` : `${s.slice(0, 10)}A${s.slice(11)}`;
    const tampered = [parts[0], parts[1], parts[2], flip(parts[3] ?? ''), parts[4]].join('.');
    const forged = await createLoginTransactions({ secrets: [SECRET_B], now: c.now }).seal(tx);
    const otherPurpose = await createSealer([SECRET_A], 'session').seal({ ...tx, at: c.t });
    const wrongShape = await createSealer([SECRET_A], 'login').seal({ state: 1, at: c.t });
    for (const bad of [tampered, forged, otherPurpose, wrongShape, 'garbage', '', undefined]) {
      expect(await logins.open(bad)).toBeNull();
    }
  });

  it('rotate: a new first secret still opens transactions the old one sealed', async () => {
    const c = clock();
    const before = await createLoginTransactions({ secrets: [SECRET_A], now: c.now }).seal(tx);
    expect(await createLoginTransactions({ secrets: [SECRET_B, SECRET_A], now: c.now }).open(before)).toEqual(
      tx,
    );
    expect(await createLoginTransactions({ secrets: [SECRET_B], now: c.now }).open(before)).toBeNull();
  });
});
