import { describe, expect, it } from 'vitest';
import { ColumnCounter, looksLikePhone, phoneNumbersIn } from './columnCounts';
import { parseDelimited } from './delimited';
import { bestPhoneColumn, columnLetter, detectLayout } from './detect';
import google from './fixtures/google-contacts.csv?raw';
import outlook from './fixtures/outlook-contacts.csv?raw';

/** A file's rows and its whole-file column counts, as the parse worker makes them. */
function table(text: string) {
  const cells: string[][] = [];
  const counter = new ColumnCounter();
  parseDelimited(
    text,
    (batch) => {
      for (const row of batch.cells) {
        cells.push(row);
        counter.add(row);
      }
    },
    { maxRows: 1000 },
  );
  return { cells, counts: counter.counts };
}

const ticked = (text: string) => {
  const { cells, counts } = table(text);
  const layout = detectLayout(cells, counts);
  return { ...layout, names: layout.phoneColumns.map((i) => layout.columns[i]?.name) };
};

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

  it('counts the numbers in a cell that holds several', () => {
    expect(phoneNumbersIn('+44 7700 900124 ::: 07700 900125')).toBe(2);
    expect(phoneNumbersIn('0161 496 0001 ext. 12')).toBe(1);
    expect(phoneNumbersIn('Ann Smith, 12 High St')).toBe(0);
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
    expect(layout).toMatchObject({ headerIndex: 0, phoneColumns: [2] });
    expect(layout.columns[2]).toMatchObject({
      name: 'mobile',
      phoneCells: 2,
      numbers: 2,
      filled: 3,
      example: '+44 7700 900123',
    });
  });

  it('sees no header when the first row is already a number', () => {
    const layout = detectLayout([
      ['Ann', '+44 7700 900123'],
      ['Bo', '+44 7700 900124'],
    ]);
    expect(layout).toMatchObject({ headerIndex: null, phoneColumns: [1] });
    expect(layout.columns.map((c) => c.name)).toEqual(['Column A', 'Column B']);
  });

  it('prefers a column named like a phone column when digits alone do not decide', () => {
    const layout = detectLayout([
      ['customer_id', 'phone'],
      ['10234567', '+44 7700 900123'],
      ['10234568', '+44 7700 900124'],
    ]);
    expect(layout.phoneColumns).toEqual([1]);
  });

  it('takes a lone header naming a phone column, even when no value looks like a number', () => {
    expect(detectLayout([['Phone'], ['call me'], ['n/a']])).toMatchObject({
      headerIndex: 0,
      phoneColumns: [0],
    });
  });

  it('ticks every phone column of a Google Contacts export, counting the numbers of a " ::: " cell', () => {
    const layout = ticked(google);
    expect(layout.headerIndex).toBe(0);
    expect(layout.names).toEqual(['Phone 1 - Value', 'Phone 2 - Value']);
    expect(layout.columns[layout.phoneColumns[0] as number]).toMatchObject({ phoneCells: 5, numbers: 6 });
  });

  it('ticks Mobile, Home and Business Phone of an Outlook export, not its fax, postcodes or dates', () => {
    const layout = ticked(outlook);
    expect(layout.names).toEqual(['Business Phone', 'Home Phone', 'Mobile Phone']);
    const fax = layout.columns.find((c) => c.name === 'Business Fax');
    expect(fax).toMatchObject({ phoneCells: 1 });
  });

  it('ticks Mobile and Landline, not an ID number column', () => {
    const layout = detectLayout([
      ['Patient', 'NHS number', 'Mobile', 'Landline', 'Date of birth'],
      ['Ann', '943 476 5919', '07700 900123', '020 7946 0958', '02/04/1980'],
      ['Bo', '943 476 5920', '', '020 7946 0959 / 020 7946 0960', '03/04/1981'],
    ]);
    expect(layout).toMatchObject({ headerIndex: 0, phoneColumns: [2, 3] });
  });

  it('ranks by how many numbers a column holds, not by its share of them', () => {
    const guess = (index: number, phoneCells: number, filled: number) => ({
      index,
      name: `Column ${index}`,
      filled,
      phoneCells,
      numbers: phoneCells,
      example: '',
    });
    // Issue 22: 1 of 1 had won over 6 of 7.
    expect(bestPhoneColumn([guess(0, 1, 1), guess(1, 6, 7)])).toBe(1);
    // Without a header every column mostly of numbers is ticked.
    expect(detectLayout([['x', '+44 7700 900123', '+44 7700 900124']]).phoneColumns).toEqual([1, 2]);
  });

  it('copes with ragged rows and a single row', () => {
    expect(detectLayout([['+44 7700 900123']])).toMatchObject({ headerIndex: null, phoneColumns: [0] });
    const ragged = detectLayout([['phone'], ['+44 7700 900123', 'extra'], ['+44 7700 900124']]);
    expect(ragged.columns).toHaveLength(2);
    expect(ragged).toMatchObject({ headerIndex: 0, phoneColumns: [0] });
  });
});

it('names columns as spreadsheets do', () => {
  expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
});
