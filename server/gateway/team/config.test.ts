import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.ts';
import { parseTeamConfig } from './config.ts';

describe('parseTeamConfig', () => {
  it('defaults to 150 a minute, a burst scaled like the upstream 50 of 200, a 10 s bound and no Redis', () => {
    expect(parseTeamConfig({})).toEqual({ perMinute: 150, burst: 37, maxWaitMs: 10_000, redisUrl: null });
  });

  it('scales the burst with the share unless it is set', () => {
    expect(parseTeamConfig({ SENT_BUDGET_PER_MIN: '100' }).burst).toBe(25);
    expect(parseTeamConfig({ SENT_BUDGET_PER_MIN: '100', SENT_BUDGET_BURST: '10' }).burst).toBe(10);
    expect(parseTeamConfig({ SENT_BUDGET_PER_MIN: '2' }).burst).toBe(1);
  });

  it.each([
    ['SENT_BUDGET_PER_MIN', '0'],
    ['SENT_BUDGET_PER_MIN', 'lots'],
    ['SENT_BUDGET_PER_MIN', '1.5'],
    ['SENT_BUDGET_BURST', '-3'],
    ['SENT_BUDGET_MAX_WAIT_MS', 'soon'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
  ])('refuses %s=%s naming the setting', (name, value) => {
    expect(() => parseTeamConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseTeamConfig({ [name]: value })).toThrow(name);
  });

  it('accepts a redis URL', () => {
    expect(parseTeamConfig({ REDIS_URL: ' redis://127.0.0.1:6390/0 ' }).redisUrl).toBe(
      'redis://127.0.0.1:6390/0',
    );
  });
});
