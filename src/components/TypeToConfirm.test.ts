import { describe, expect, it } from 'vitest';
import { matchesCount } from './TypeToConfirm';

describe('matchesCount', () => {
  it('takes the count typed plainly or with thousands separators, nothing else', () => {
    expect(matchesCount('1234', 1234)).toBe(true);
    expect(matchesCount(' 1,234 ', 1234)).toBe(true);
    expect(matchesCount('1 234', 1234)).toBe(true);
    expect(matchesCount('123', 1234)).toBe(false);
    expect(matchesCount('', 0)).toBe(false);
    expect(matchesCount('12345', 1234)).toBe(false);
  });
});
