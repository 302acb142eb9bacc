import { describe, expect, it } from 'vitest';
import { splitNumbers, withoutExtension } from './split';

describe('splitNumbers', () => {
  it('splits on the separators people and exports use', () => {
    expect(splitNumbers('+44 20 7946 0958 ::: +44 7700 900123')).toEqual([
      '+44 20 7946 0958',
      '+44 7700 900123',
    ]);
    expect(splitNumbers('020 7946 0958; 07700 900123')).toEqual(['020 7946 0958', '07700 900123']);
    expect(splitNumbers('020 7946 0958, 07700 900123,0161 496 0000')).toEqual([
      '020 7946 0958',
      '07700 900123',
      '0161 496 0000',
    ]);
    expect(splitNumbers('020 7946 0958 / 07700 900123')).toEqual(['020 7946 0958', '07700 900123']);
    expect(splitNumbers('020 7946 0958\r\n07700 900123\n\n')).toEqual(['020 7946 0958', '07700 900123']);
  });

  it('never cuts inside a number', () => {
    for (const cell of [
      '+44 (0)20 7946 0958',
      '030/1234567',
      '+1.202.555.0100',
      'tel:+1-202-555-0100;ext=12',
      'tel:555-0100;phone-context=+1-202',
      '(020) 7946-0958',
    ]) {
      expect(splitNumbers(cell), cell).toEqual([cell]);
    }
  });

  it('keeps an extension with its number', () => {
    expect(splitNumbers('020 7946 0958 ext. 12; 07700 900123')).toEqual([
      '020 7946 0958 ext. 12',
      '07700 900123',
    ]);
    expect(splitNumbers('+1 202 555 0100,,123')).toEqual(['+1 202 555 0100,,123']);
    expect(splitNumbers('+1 202 555 0100, x123 / 020 7946 0958')).toEqual([
      '+1 202 555 0100, x123',
      '020 7946 0958',
    ]);
  });

  it('gives nothing for an empty cell and the cell itself when it holds no separator', () => {
    expect(splitNumbers('  ')).toEqual([]);
    expect(splitNumbers(' call me ')).toEqual(['call me']);
    expect(splitNumbers(';;')).toEqual([]);
  });
});

describe('withoutExtension', () => {
  it('drops the extension in its usual spellings', () => {
    for (const text of [
      '020 7946 0958 ext. 12',
      '020 7946 0958 x12',
      '020 7946 0958 extension 12',
      '020 7946 0958;ext=12',
      '020 7946 0958,,12',
      '020 7946 0958 #12',
    ]) {
      expect(withoutExtension(text), text).toBe('020 7946 0958');
    }
    expect(withoutExtension('+44 (0)20 7946 0958')).toBe('+44 (0)20 7946 0958');
  });
});
