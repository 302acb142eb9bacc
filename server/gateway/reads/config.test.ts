import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config-error.ts';
import { DEFAULT_READ_LIMIT_PER_HOUR, parseReadsConfig } from './config.ts';

describe('READ_LIMIT_PER_HOUR', () => {
  it('defaults to 2,000 and takes a whole number', () => {
    expect(parseReadsConfig({})).toEqual({ perHour: DEFAULT_READ_LIMIT_PER_HOUR });
    expect(DEFAULT_READ_LIMIT_PER_HOUR).toBe(2000);
    expect(parseReadsConfig({ READ_LIMIT_PER_HOUR: ' 500 ' })).toEqual({ perHour: 500 });
  });

  it.each(['0', '-5', '1.5', '2k', '1e3', 'lots'])('stops start-up naming the setting for "%s"', (raw) => {
    expect(() => parseReadsConfig({ READ_LIMIT_PER_HOUR: raw })).toThrow(ConfigError);
    expect(() => parseReadsConfig({ READ_LIMIT_PER_HOUR: raw })).toThrow(/READ_LIMIT_PER_HOUR/);
  });
});
