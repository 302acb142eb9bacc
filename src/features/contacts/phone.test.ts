import { describe, expect, it } from 'vitest';
import { formatE164, parsePhone, regionFromLocale } from './phone';
import * as lib from './phoneLib';

describe('parsePhone', () => {
  it('accepts the formats callers read out', () => {
    expect(parsePhone(lib, '+44 20 7946 0958', 'US')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(parsePhone(lib, '(415) 555-0100', 'US')).toMatchObject({ ok: true, e164: '+14155550100' });
    expect(parsePhone(lib, '0044 20 7946 0958', 'US')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(parsePhone(lib, '020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it('explains invalid input instead of returning a number', () => {
    expect(parsePhone(lib, '', 'US')).toMatchObject({ ok: false, reason: expect.stringContaining('Enter') });
    expect(parsePhone(lib, 'call me', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('digits'),
    });
    expect(parsePhone(lib, '555', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Too few'),
    });
    expect(parsePhone(lib, '+999 1234 5678', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('country code'),
    });
    expect(parsePhone(lib, '+1 415 555 0100 0000 00', 'US')).toMatchObject({ ok: false });
  });

  it('formats stored numbers for display', () => {
    expect(formatE164(lib, '+14155550100')).toBe('+1 415 555 0100');
    expect(formatE164(null, '+14155550100')).toBe('+14155550100');
  });
});

describe('regionFromLocale', () => {
  it('uses the locale region, else the likely one, else US', () => {
    expect(regionFromLocale(['en-GB'])).toBe('GB');
    expect(regionFromLocale(['zh-Hant-TW'])).toBe('TW');
    expect(regionFromLocale(['pt-br'])).toBe('BR');
    expect(regionFromLocale(['de'])).toBe('DE');
    expect(regionFromLocale(['zz-invalid-###'])).toBe('US');
    expect(regionFromLocale([])).toBe('US');
  });
});
