import { describe, expect, it } from 'vitest';
import { BROWSER_SESSION_COOKIE, teamContextOf } from './requester.ts';

const req = (headers: Record<string, string> = {}) =>
  new Request('http://gw.invalid/v3/contacts', { headers });

describe('teamContextOf', () => {
  it('gives a browser without a session a cookie, queueing it by address meanwhile', () => {
    const ctx = teamContextOf(req(), '10.0.0.7');
    expect(ctx).toMatchObject({ requester: 'address:10.0.0.7', priority: 'interactive' });
    expect(ctx.newSession).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('queues a browser by its session once it has one', () => {
    const sid = 'abcdefghijklmnopqrstuv';
    const ctx = teamContextOf(req({ cookie: `other=1; ${BROWSER_SESSION_COOKIE}=${sid}` }), '10.0.0.7');
    expect(ctx).toEqual({ requester: `session:${sid}`, priority: 'interactive', newSession: null });
  });

  it('ignores a malformed session cookie', () => {
    expect(teamContextOf(req({ cookie: `${BROWSER_SESSION_COOKIE}=x` }), '::1').requester).toBe(
      'address:::1',
    );
  });

  it('queues signed-in staff by user', () => {
    expect(teamContextOf(req(), '::1', 'u42')).toEqual({
      requester: 'user:u42',
      priority: 'interactive',
      newSession: null,
    });
  });

  it('reads the background mark; any other value is a person waiting', () => {
    expect(teamContextOf(req({ 'x-sent-priority': 'background' }), '::1').priority).toBe('background');
    expect(teamContextOf(req({ 'x-sent-priority': 'urgent' }), '::1').priority).toBe('interactive');
  });
});
