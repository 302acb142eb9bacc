import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { ownerSpecs } from './demo.ts';
import { DATA_EPOCH, generateContact, usableRegions } from './generator.ts';

const owner = { id: 'owner-a', salt: 1, count: 3000, regions: ownerSpecs(3000)[0]?.regions ?? [] };
const regions = usableRegions(owner.regions, owner.count);
const sample = Array.from({ length: owner.count }, (_, i) => generateContact(42, owner, regions, i));

describe('demo data generator', () => {
  it('is deterministic: same seed, same data; another seed, other data', () => {
    expect(generateContact(42, owner, regions, 17)).toEqual(sample[17]);
    expect(generateContact(43, owner, regions, 17).id).not.toBe(sample[17]?.id);
  });

  it('makes valid, unique numbers whose every format agrees with libphonenumber', () => {
    expect(new Set(sample.map((c) => c.e164)).size).toBe(sample.length);
    expect(new Set(sample.map((c) => c.id)).size).toBe(sample.length);
    for (const contact of sample)
      expect(contact.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const contact of sample.slice(0, 300)) {
      const phone = parsePhoneNumberFromString(contact.e164);
      expect(phone?.isValid()).toBe(true);
      expect(contact.intl).toBe(phone?.formatInternational());
      expect(contact.national).toBe(phone?.formatNational());
      // RFC 3966 as Google's libphonenumber and Sent write it: the international groups, hyphenated.
      expect(contact.rfc).toBe(`tel:${phone?.formatInternational().replaceAll(' ', '-')}`);
      expect(contact.region_code).toBe(phone?.country);
      expect(contact.country_code).toBe(phone?.countryCallingCode);
    }
  });

  it('spreads regions, channels, opt-outs and two years of creation dates', () => {
    expect(new Set(sample.map((c) => c.region_code)).size).toBeGreaterThanOrEqual(10);
    const share = (pred: (c: (typeof sample)[number]) => boolean) =>
      sample.filter(pred).length / sample.length;
    expect(share((c) => c.has_sms === 1 && c.has_whatsapp === 1)).toBeGreaterThan(0.4);
    expect(share((c) => c.has_sms === 0)).toBeGreaterThan(0.05);
    expect(share((c) => c.opt_out === 1)).toBeGreaterThan(0.02);
    expect(sample.every((c) => (c.default_channel === 'sms' ? c.has_sms : c.has_whatsapp) === 1)).toBe(true);
    const ages = sample.map((c) => (DATA_EPOCH - Date.parse(c.created_at)) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeGreaterThan(600);
    expect(Math.max(...ages)).toBeLessThanOrEqual(730);
  });

  it('keeps only regions whose number space can hold the requested count', () => {
    const big = usableRegions(
      [
        ['SG', 1],
        ['US', 1],
      ],
      1_000_000,
    );
    expect(big.map(([r]) => r)).toEqual(['US']);
    expect(() => usableRegions([['SG', 1]], 1_000_000)).toThrow(/No region/);
  });
});
