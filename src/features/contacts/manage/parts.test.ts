import { describe, expect, it } from 'vitest';
import { matchesNumber } from './parts';

const uk = { format_e164: '+442079460958', format_national: '020 7946 0958' };

describe('matchesNumber (type-to-confirm for one contact)', () => {
  it('accepts the number in international or national digits, whatever the punctuation', () => {
    for (const typed of ['+44 20 7946 0958', '442079460958', '020 7946 0958', '(020) 7946-0958'])
      expect(matchesNumber(typed, uk)).toBe(true);
  });
  it('refuses anything else, including nothing and a partial number', () => {
    for (const typed of ['', '+44', '2079460958', '+44 20 7946 0959', 'remove'])
      expect(matchesNumber(typed, uk)).toBe(false);
  });
});
