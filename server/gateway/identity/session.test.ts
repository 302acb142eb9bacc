import { describe, expect, it } from 'vitest';
import { MINUTE, SECRET_A, SECRET_B } from '../../testing/identity-app.ts';
import { createSealer } from './seal.ts';
import {
  createLoginTransactions,
  createSessions,
  LOGIN_TTL_MS,
  type Person,
  SEEN_GRANULARITY_MS,
} from './session.ts';

const person: Person = { sub: 'ana', name: 'Ana', email: 'ana@example.com', role: 'agent', profiles: ['p1'] };

function clock(start = Date.UTC(2026, 0, 5, 9)) {
  const c = { t: start, now: () => c.t };
  return c;
}

const options = (now: () => number, secrets = [SECRET_A]) => ({
  secrets,
  idleMs: 30 * MINUTE,
  absoluteMs: 8 * 60 * MINUTE,
  now,
});

describe('sessions', () => {
  it('reads back the person, asking for a re-issue only once the activity time is worth updating', async () => {
    const c = clock();
    const sessions = createSessions(options(c.now));
    const token = await sessions.issue(person);
    expect(await sessions.read(token)).toMatchObject({ status: 'valid', person, reissue: false });
    c.t += SEEN_GRANULARITY_MS;
    expect(await sessions.read(token)).toMatchObject({ status: 'valid', reissue: true });
  });

  it('ends after the idle time, unless activity re-issued it', async () => {
    const c = clock();
    const sessions = createSessions(options(c.now));
    const first = await sessions.issue(person);
    const started = c.t;
    c.t += 20 * MINUTE;
    const refreshed = await sessions.issue(person, started);
    c.t += 20 * MINUTE; // 40 min after sign-in, 20 after the last activity
    expect(await sessions.read(first)).toEqual({ status: 'expired', reason: 'idle' });
    expect(await sessions.read(refreshed)).toMatchObject({ status: 'valid', started });
  });

  it('ends at the absolute limit however active the person was', async () => {
    const c = clock();
    const sessions = createSessions(options(c.now));
    const started = c.t;
    let token = await sessions.issue(person);
    for (let i = 0; i < 16; i++) {
      c.t += 29 * MINUTE;
      token = await sessions.issue(person, started);
    }
    c.t += 29 * MINUTE; // 8 h 13 min after sign-in
    expect(await sessions.read(token)).toEqual({ status: 'expired', reason: 'absolute' });
  });

  it('refuses tampered, forged, foreign-purpose and garbage tokens', async () => {
    const c = clock();
    const sessions = createSessions(options(c.now));
    const token = await sessions.issue(person);
    const parts = token.split('.');
    const flip = (s: string) =>
      s[10] === 'A' ? `${s.slice(0, 10)}B${s.slice(11)}` : `${s.slice(0, 10)}A${s.slice(11)}`;
    const tampered = [parts[0], parts[1], parts[2], flip(parts[3] ?? ''), parts[4]].join('.');
    const forged = await createSessions(options(c.now, [SECRET_B])).issue({
      ...person,
      role: 'admin',
      profiles: '*',
    });
    const loginToken = await createSealer([SECRET_A], 'login').seal({ person, started: c.t, seen: c.t });
    const wrongShape = await createSealer([SECRET_A], 'session').seal({
      person: { sub: 'x' },
      started: c.t,
      seen: c.t,
    });
    for (const bad of [tampered, forged, loginToken, wrongShape, 'garbage', '', undefined]) {
      expect(await sessions.read(bad)).toEqual({ status: 'invalid' });
    }
  });

  it('rotates: a new first secret still reads the old cookies and asks to re-issue them', async () => {
    const c = clock();
    const before = await createSessions(options(c.now, [SECRET_A])).issue(person);
    const rotated = createSessions(options(c.now, [SECRET_B, SECRET_A]));
    expect(await rotated.read(before)).toMatchObject({ status: 'valid', person, reissue: true });
    const reissued = await rotated.issue(person);
    expect(await rotated.read(reissued)).toMatchObject({ status: 'valid', reissue: false });
    // Once the old secret is dropped, cookies it sealed stop working; re-issued ones keep going.
    const dropped = createSessions(options(c.now, [SECRET_B]));
    expect(await dropped.read(before)).toEqual({ status: 'invalid' });
    expect(await dropped.read(reissued)).toMatchObject({ status: 'valid' });
  });
});

describe('login transactions', () => {
  it('open within their lifetime only', async () => {
    const c = clock();
    const logins = createLoginTransactions({ secrets: [SECRET_A], now: c.now });
    const tx = { state: 's', nonce: 'n', codeVerifier: 'v', next: '/x' };
    const token = await logins.seal(tx);
    expect(await logins.open(token)).toEqual(tx);
    c.t += LOGIN_TTL_MS;
    expect(await logins.open(token)).toBeNull();
  });

  it('cannot be opened as a session, nor a session as one', async () => {
    const c = clock();
    const logins = createLoginTransactions({ secrets: [SECRET_A], now: c.now });
    const sessions = createSessions(options(c.now));
    expect(
      await sessions.read(await logins.seal({ state: 's', nonce: 'n', codeVerifier: 'v', next: '/' })),
    ).toEqual({
      status: 'invalid',
    });
    expect(await logins.open(await sessions.issue(person))).toBeNull();
  });
});
