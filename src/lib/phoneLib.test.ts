import { describe, expect, it } from 'vitest';
import { formatE164, parsePhone, regionOptions, toE164 } from './phoneLib';
import { regionFromLocale } from './regions';

describe('parsePhone', () => {
  it('accepts the formats callers read out', () => {
    expect(parsePhone('+44 20 7946 0958', 'US')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(parsePhone('(415) 555-0100', 'US')).toMatchObject({ ok: true, e164: '+14155550100' });
    expect(parsePhone('0044 20 7946 0958', 'US')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(parsePhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' });
  });

  it("accepts RFC 3966 tel URIs, such as the API's own format_rfc", () => {
    expect(parsePhone('tel:+44-20-7946-0958', 'US')).toMatchObject({ ok: true, e164: '+442079460958' });
    expect(parsePhone('tel:+12022049715', 'GB')).toMatchObject({ ok: true, e164: '+12022049715' });
    expect(parsePhone('tel:+1-202-204-9715;ext=7', 'US')).toMatchObject({ ok: true, e164: '+12022049715' });
    expect(parsePhone('tel:020-7946-0958;phone-context=example.com', 'GB')).toMatchObject({
      ok: true,
      e164: '+442079460958',
    });
    expect(parsePhone('tel:+1-CALL-NOW', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('tel:'),
    });
  });

  it('explains invalid input instead of returning a number', () => {
    expect(parsePhone('', 'US')).toMatchObject({ ok: false, reason: expect.stringContaining('Enter') });
    expect(parsePhone('call me', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('digits'),
    });
    expect(parsePhone('555', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Too few'),
    });
    expect(parsePhone('+999 1234 5678', 'US')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('country code'),
    });
    expect(parsePhone('+1 415 555 0100 0000 00', 'US')).toMatchObject({ ok: false });
  });

  it('marks a number that is only short so far (typing goes on), and says where a valid one is', () => {
    expect(parsePhone('+44 20 79', 'US')).toMatchObject({ ok: false, incomplete: true });
    expect(parsePhone('call me', 'US')).not.toHaveProperty('incomplete');
    expect(parsePhone('+999 1234 5678', 'US')).not.toHaveProperty('incomplete');
    expect(parsePhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, region: 'GB' });
  });

  it('lists every region with its calling code, sorted by name', () => {
    const options = regionOptions();
    expect(options.length).toBeGreaterThan(200);
    expect(options).toContainEqual({ code: 'GB', label: 'United Kingdom (+44)' });
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((x, y) => x.localeCompare(y)));
  });

  it('formats stored numbers for display', () => {
    expect(formatE164('+14155550100')).toBe('+1 415 555 0100');
    expect(formatE164('not a number')).toBe('not a number');
  });
});

describe('toE164 (the import’s fast path)', () => {
  it('gives parsePhone’s answers', () => {
    for (const input of [
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '(020) 7946 0958',
      'tel:+44-20-7946-0958',
      '020 79',
      '+999 1234',
      'call me',
      'tel:;ext=1',
      '',
    ]) {
      const slow = parsePhone(input, 'GB');
      expect(toE164(input, 'GB'), input).toEqual(
        slow.ok ? { ok: true, e164: slow.e164 } : { ok: false, reason: slow.reason },
      );
    }
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
