import { describe, expect, it } from 'vitest';
import { toE164 } from '../../lib/phoneLib';
import {
  type CheckedRow,
  checkedRow,
  checkRowNumbers,
  classify,
  fixRow,
  importRows,
  type Normalise,
} from './check';
import { withoutExtension } from './split';

const gb: Normalise = (input) => toE164(input, 'GB');
const rowsOf = (...cells: string[]) => cells.map((cell, i) => checkedRow(i + 2, cell, gb));

describe('the check', () => {
  it('normalises mixed formats to E.164 with the default region', () => {
    const rows = rowsOf(
      '+44 20 7946 0958',
      '0044 20 7946 0959',
      '(020) 7946 0960',
      'tel:+44-20-7946-0961',
      '+1 (202) 555-0100',
    );
    expect(rows.map((row) => row.e164)).toEqual([
      '+442079460958',
      '+442079460959',
      '+442079460960',
      '+442079460961',
      '+12025550100',
    ]);
    expect(classify(rows, null).counts).toMatchObject({ ready: 5, invalid: 0 });
  });

  it('flags invalid rows with the reason', () => {
    const rows = rowsOf('020 79', '', 'call me', '+999 1234 5678');
    const { verdicts, counts } = classify(rows, null);
    expect(counts.invalid).toBe(4);
    expect(verdicts.map((v) => v.reason)).toEqual([
      'Too few digits for a phone number in United Kingdom.',
      'No number in this row.',
      'A phone number can only contain digits, spaces, +, -, ., / and brackets.',
      'That country code does not exist.',
    ]);
  });

  it('flags later rows with the same number as duplicates of the first, whatever their format', () => {
    const rows = rowsOf('+44 20 7946 0958', '020 7946 0958', '+44 20 7946 0959', 'tel:+44-20-7946-0958');
    const { verdicts, counts } = classify(rows, null);
    expect(verdicts.map((v) => v.status)).toEqual(['ready', 'duplicate', 'ready', 'duplicate']);
    expect(verdicts[1]?.reason).toBe('Duplicate of row 2.');
    expect(verdicts[3]?.reason).toBe('Duplicate of row 2.');
    expect(counts).toMatchObject({ ready: 2, duplicate: 2 });
  });

  it('flags numbers already in the profile when they were read', () => {
    const rows = rowsOf('+44 20 7946 0958', '+44 20 7946 0959', '020 7946 0958');
    const existing = new Set(['+442079460958']);
    const { verdicts, counts } = classify(rows, existing);
    expect(verdicts.map((v) => v.status)).toEqual(['exists', 'ready', 'duplicate']);
    expect(counts).toMatchObject({ ready: 1, exists: 1, duplicate: 1 });
  });

  it('re-checks a fixed row, and the duplicates follow', () => {
    let rows: CheckedRow[] = rowsOf('020 79', '+44 20 7946 0958', '020 7946 0958');
    expect(classify(rows, null).counts).toMatchObject({ invalid: 1, ready: 1, duplicate: 1 });
    rows = rows.map((row, i) => (i === 0 ? fixRow(row, '020 7946 0958', gb) : row));
    const fixed = classify(rows, null);
    expect(rows[0]).toMatchObject({ edited: true, e164: '+442079460958', invalid: null });
    // The fixed row comes first in the file: it is now the one sent, the others duplicates of it.
    expect(fixed.verdicts.map((v) => v.status)).toEqual(['ready', 'duplicate', 'duplicate']);
    expect(fixed.verdicts[1]?.reason).toBe('Duplicate of row 2.');
  });

  it('leaves a dropped row out of the counts of problems and out of the request', () => {
    let rows: CheckedRow[] = rowsOf('+44 20 7946 0958', '020 7946 0958', 'nope');
    rows = rows.map((row, i) => (i === 0 ? { ...row, dropped: true } : row));
    const classification = classify(rows, null);
    expect(classification.verdicts.map((v) => v.status)).toEqual(['dropped', 'ready', 'invalid']);
    expect(importRows(rows, classification)).toEqual([
      { row: 3, column: null, input: '020 7946 0958', phone: '+442079460958', problem: null },
      { row: 4, column: null, input: 'nope', phone: null, problem: 'invalid' },
    ]);
  });

  it('sends rows set aside with their problem, so the receipt accounts for them', () => {
    const rows = rowsOf('+44 20 7946 0958', '020 7946 0958', '+44 20 7946 0959');
    const classification = classify(rows, new Set(['+442079460959']));
    expect(importRows(rows, classification).map((row) => row.problem)).toEqual([null, 'duplicate', 'exists']);
  });

  describe('several numbers a row', () => {
    const normalise: Normalise = (input) => toE164(withoutExtension(input), 'GB');
    const names = ['Phone 1 - Value', 'Phone 2 - Value'];
    const numbersOf = (row: number, cells: string[], unit: 'row' | 'card' = 'row') =>
      checkRowNumbers(row, cells, [1, 2], names, normalise, unit);

    it('checks each number of each chosen column, with its source', () => {
      const rows = [
        ...numbersOf(2, ['Ann', '+44 7400 900123 ::: 020 7946 0958', '0161 496 0001 ext. 12']),
        ...numbersOf(3, ['Di', '', '']),
      ];
      expect(rows.map((r) => [r.row, r.column, r.input, r.e164])).toEqual([
        [2, 'Phone 1 - Value', '+44 7400 900123', '+447400900123'],
        [2, 'Phone 1 - Value', '020 7946 0958', '+442079460958'],
        [2, 'Phone 2 - Value', '0161 496 0001 ext. 12', '+441614960001'],
        [3, null, '', null],
      ]);
      expect(rows[3]?.invalid).toBe('No number in this row.');
      expect(importRows(rows, classify(rows, null)).map((r) => [r.row, r.column, r.problem])).toEqual([
        [2, 'Phone 1 - Value', null],
        [2, 'Phone 1 - Value', null],
        [2, 'Phone 2 - Value', null],
        [3, null, 'invalid'],
      ]);
    });

    it('makes the same number in another column, row or card a duplicate of the first, naming its source', () => {
      const naming = { unit: 'row', withColumn: true } as const;
      const rows = [
        ...numbersOf(2, ['Ann', '+44 7400 900123', '+44 7400 900123']),
        ...numbersOf(3, ['Cy', '020 7946 0958', '07400 900123']),
      ];
      const { verdicts } = classify(rows, null, naming);
      expect(verdicts.map((v) => v.reason)).toEqual([
        null,
        'Duplicate of row 2, Phone 1 - Value.',
        null,
        'Duplicate of row 2, Phone 1 - Value.',
      ]);
      const cards = numbersOf(4, ['Bo', '07400 900124', '+447400900124'], 'card');
      expect(classify(cards, null, { unit: 'card', withColumn: true }).verdicts[1]?.reason).toBe(
        'Duplicate of card 4, Phone 1 - Value.',
      );
      expect(numbersOf(5, ['', '', ''], 'card')[0]?.invalid).toBe('No number in this card.');
    });
  });
});
