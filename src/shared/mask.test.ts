import { describe, expect, it } from 'vitest';
import { maskPhone } from './mask';

describe('maskPhone', () => {
  it('keeps the country code, the last two digits and the punctuation of every format', () => {
    expect(maskPhone('+447700900123', '44')).toBe('+44••••••••23');
    expect(maskPhone('+44 7700 900123', '44')).toBe('+44 •••• ••••23');
    expect(maskPhone('07700 900123', '44')).toBe('••••• ••••23');
    expect(maskPhone('tel:+44-7700-900123', '44')).toBe('tel:+44-••••-••••23');
    expect(maskPhone('+1 415-555-0100', '1')).toBe('+1 •••-•••-••00');
    expect(maskPhone('(415) 555-0100', '1')).toBe('(•••) •••-••00');
    expect(maskPhone('+49 30 901820', '49')).toBe('+49 •• ••••20');
  });

  it('recognises the code after 00 and in spaced-out input', () => {
    expect(maskPhone('0044 7700 900123', '44')).toBe('0044 •••• ••••23');
    expect(maskPhone('+ 4 4 7700900123', '44')).toBe('+ 4 4 ••••••••23');
  });

  it('guesses the code length when it is not given, erring on hiding more', () => {
    expect(maskPhone('+1 415-555-0100')).toBe('+1 •••-•••-••00');
    expect(maskPhone('+44 7700 900123')).toBe('+44 •••• ••••23');
    // +353 is three digits; the guess keeps two, so one more digit is hidden, none is revealed.
    expect(maskPhone('+353 85 123 4567')).toBe('+35• •• ••• ••67');
  });

  it('never reveals a whole number: at least three digits are hidden, and digitless text is unchanged', () => {
    expect(maskPhone('+44 123', '44')).toBe('+•• •23');
    // Two digits are all a "last two digits" rule can show; nothing else is there to hide.
    expect(maskPhone('12')).toBe('12');
    expect(maskPhone('—')).toBe('—');
    expect(maskPhone('')).toBe('');
    for (const sample of ['+447700900123', '+1 415-555-0100', '07700 900123']) {
      const hidden = maskPhone(sample, sample.startsWith('+1') ? '1' : '44').split('•').length - 1;
      expect(hidden).toBeGreaterThanOrEqual(3);
    }
  });

  it('a country code that does not match the number falls back to the guess', () => {
    expect(maskPhone('+44 7700 900123', '1')).toBe('+44 •••• ••••23');
  });
});
