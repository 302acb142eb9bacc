import { describe, expect, it } from 'vitest';
import { columnLetter, detectLayout, looksLikePhone } from './detect';

describe('looksLikePhone', () => {
  it('accepts the usual formats', () => {
    for (const cell of [
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '(020) 7946 0958',
      '415-555-0100',
      '+1.202.555.0100',
      'tel:+44-20-7946-0958',
      'tel:555-0100;phone-context=+1-202',
      '447700900123',
    ]) {
      expect(looksLikePhone(cell), cell).toBe(true);
    }
  });

  it('refuses names, dates, short codes and e-mail addresses', () => {
    for (const cell of ['Ann Smith', '2024-05-01', '01/05/2024', '12345', 'a@b.com', '', 'phone']) {
      expect(looksLikePhone(cell), cell).toBe(false);
    }
  });
});

describe('detectLayout', () => {
  it('finds the phone column and the header row', () => {
    const rows = [
      ['name', 'joined', 'mobile'],
      ['Ann', '2024-01-02', '+44 7700 900123'],
      ['Bo', '2024-01-03', '07700 900124'],
      ['Cy', '2024-01-04', 'not given'],
    ];
    const layout = detectLayout(rows);
    expect(layout).toMatchObject({ headerIndex: 0, phoneColumn: 2 });
    expect(layout.columns[2]).toMatchObject({
      name: 'mobile',
      phoneLike: 2,
      filled: 3,
      example: '+44 7700 900123',
    });
  });

  it('sees no header when the first row is already a number', () => {
    const layout = detectLayout([
      ['Ann', '+44 7700 900123'],
      ['Bo', '+44 7700 900124'],
    ]);
    expect(layout).toMatchObject({ headerIndex: null, phoneColumn: 1 });
    expect(layout.columns.map((c) => c.name)).toEqual(['Column A', 'Column B']);
  });

  it('prefers a column named like a phone column when digits alone do not decide', () => {
    const layout = detectLayout([
      ['customer_id', 'phone'],
      ['10234567', '+44 7700 900123'],
      ['10234568', '+44 7700 900124'],
    ]);
    expect(layout.phoneColumn).toBe(1);
  });

  it('takes a lone header naming a phone column, even when no value looks like a number', () => {
    expect(detectLayout([['Phone'], ['call me'], ['n/a']])).toMatchObject({ headerIndex: 0, phoneColumn: 0 });
  });

  it('copes with ragged rows and a single row', () => {
    expect(detectLayout([['+44 7700 900123']])).toMatchObject({ headerIndex: null, phoneColumn: 0 });
    const ragged = detectLayout([['phone'], ['+44 7700 900123', 'extra'], ['+44 7700 900124']]);
    expect(ragged.columns).toHaveLength(2);
    expect(ragged).toMatchObject({ headerIndex: 0, phoneColumn: 0 });
  });
});

it('names columns as spreadsheets do', () => {
  expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});
