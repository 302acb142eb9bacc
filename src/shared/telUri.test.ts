import { describe, expect, it } from 'vitest';
import { isTelUri, numberFromTelUri, telUriFromInternational } from './telUri';

describe('telUriFromInternational', () => {
  it("joins the international groups with hyphens: Google libphonenumber's RFC3966 output for each", () => {
    // Expected values as google-libphonenumber 3.2.47 formats these numbers in PhoneNumberFormat.RFC3966.
    expect(telUriFromInternational('+44 20 7946 0958')).toBe('tel:+44-20-7946-0958');
    expect(telUriFromInternational('+1 202 204 9715')).toBe('tel:+1-202-204-9715');
    expect(telUriFromInternational('+54 9 11 2345-6789')).toBe('tel:+54-9-11-2345-6789');
    expect(telUriFromInternational('+33 6 62 04 97 02')).toBe('tel:+33-6-62-04-97-02');
    expect(telUriFromInternational('+49 15095 877888')).toBe('tel:+49-15095-877888');
    expect(telUriFromInternational('+81 90 2377 8097')).toBe('tel:+81-90-2377-8097');
    expect(telUriFromInternational('+1 213 373 4253 ext. 1234')).toBe('tel:+1-213-373-4253;ext=1234');
  });
});

describe('numberFromTelUri', () => {
  it('reads global numbers with or without separators and parameters', () => {
    expect(numberFromTelUri('tel:+12022049715')).toBe('+12022049715');
    expect(numberFromTelUri('tel:+1-202-204-9715')).toBe('+12022049715');
    expect(numberFromTelUri('TEL:+1.202.(204).9715')).toBe('+12022049715');
    expect(numberFromTelUri(' tel:+44-20-7946-0958;ext=12 ')).toBe('+442079460958');
    expect(numberFromTelUri('tel:+44-20-7946-0958;isub=1411;phone-context=+44')).toBe('+442079460958');
  });

  it('dials a local number within a global phone-context; a domain context leaves it local', () => {
    expect(numberFromTelUri('tel:555-0100;phone-context=+1-202')).toBe('+12025550100');
    expect(numberFromTelUri('tel:020-7946-0958;phone-context=example.com')).toBe('02079460958');
    expect(numberFromTelUri('tel:2022049715')).toBe('2022049715');
  });

  it('is null when the URI holds no phone number', () => {
    for (const bad of [
      'tel:',
      'tel:+',
      'tel:+1-202-CALL-NOW',
      'tel:;ext=1',
      'tel:*123#',
      'tel:555;phone-context=+x',
    ])
      expect(numberFromTelUri(bad), bad).toBeNull();
  });
});

describe('isTelUri', () => {
  it('recognises the scheme in any case, nothing else', () => {
    expect(isTelUri('tel:+1')).toBe(true);
    expect(isTelUri('  Tel:+1')).toBe(true);
    expect(isTelUri('+1 202 204 9715')).toBe(false);
    expect(isTelUri('hotel:+1')).toBe(false);
  });
});
