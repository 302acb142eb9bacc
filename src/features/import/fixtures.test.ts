// Each fixture, exported as Google Contacts, Outlook and phones (vCard 3.0, 4.0) write them, plus a
// spreadsheet with Mobile and Landline columns, read as the parse worker reads it, its columns guessed as the
// mapping step guesses them, every number checked for the United Kingdom: every valid number it holds is
// found, with its source. (The same files go through the file input in e2e/import-formats.spec.ts.)
import { describe, expect, it } from 'vitest';
import { toE164 } from '../../lib/phoneLib';
import { checkRowNumbers, classify, type Normalise } from './check';
import { ColumnCounter } from './columnCounts';
import { parseDelimited, type RowBatch } from './delimited';
import { detectLayout } from './detect';
import vcard3 from './fixtures/contacts-3.0.vcf?raw';
import vcard4 from './fixtures/contacts-4.0.vcf?raw';
import google from './fixtures/google-contacts.csv?raw';
import outlook from './fixtures/outlook-contacts.csv?raw';
import { withoutExtension } from './split';
import { parseVCards } from './vcard';

const gb: Normalise = (input) => toE164(withoutExtension(input), 'GB');

/**
 * Rows as the reader hands them over (`read` returns a vCard's header, put first as row 0, or null), then
 * the whole check.
 */
function check(read: (onBatch: (batch: RowBatch) => void) => string[] | null, unit: 'row' | 'card' = 'row') {
  const rows: number[] = [];
  const cells: string[][] = [];
  const counter = new ColumnCounter();
  const header = read((batch) => {
    rows.push(...batch.rows);
    cells.push(...batch.cells);
    for (const row of batch.cells) counter.add(row);
  });
  if (header) {
    rows.unshift(0);
    cells.unshift(header);
    counter.add(header);
  }
  const layout = detectLayout(cells.slice(0, 201), counter.counts, Boolean(header));
  const names = layout.phoneColumns.map((i) => layout.columns[i]?.name ?? '');
  const first = layout.headerIndex === null ? 0 : layout.headerIndex + 1;
  const numbers = rows
    .slice(first)
    .flatMap((row, i) => checkRowNumbers(row, cells[first + i] ?? [], layout.phoneColumns, names, gb, unit));
  const { counts, verdicts } = classify(numbers, null, { unit, withColumn: names.length > 1 });
  const ready = numbers.filter((_, i) => verdicts[i]?.status === 'ready');
  return {
    columns: names,
    counts,
    ready: ready.map((n) => `${n.row} ${n.column}: ${n.e164}`),
    reasons: verdicts.flatMap((v) => (v.status === 'duplicate' ? [v.reason] : [])),
  };
}

const csv = (text: string) =>
  check((onBatch) => {
    parseDelimited(text, onBatch, { maxRows: 1000 });
    return null;
  });
const vcf = (text: string) =>
  check((onBatch) => parseVCards(text, onBatch, { maxRows: 1000 }).header, 'card');

describe('the exports people have', () => {
  it('Google Contacts CSV: two phone columns, a " ::: " cell, an extension, a contact without a number', () => {
    const result = csv(google);
    expect(result.columns).toEqual(['Phone 1 - Value', 'Phone 2 - Value']);
    expect(result.ready).toEqual([
      '2 Phone 1 - Value: +447400900123',
      '2 Phone 2 - Value: +442079460958',
      '3 Phone 1 - Value: +447400900124',
      '3 Phone 1 - Value: +447400900125',
      '4 Phone 1 - Value: +441614960000',
      '6 Phone 1 - Value: +447400900126',
      '6 Phone 2 - Value: +441614960001',
      '7 Phone 1 - Value: +447400900127',
    ]);
    expect(result.reasons).toEqual(['Duplicate of row 2, Phone 1 - Value.']);
    expect(result.counts).toMatchObject({ ready: 8, duplicate: 1, invalid: 1 });
  });

  it('Outlook CSV: Mobile, Home and Business Phone, not the fax', () => {
    const result = csv(outlook);
    expect(result.columns).toEqual(['Business Phone', 'Home Phone', 'Mobile Phone']);
    expect(result.ready).toEqual([
      '2 Home Phone: +442079460958',
      '2 Mobile Phone: +447400900123',
      '3 Business Phone: +441614960002',
      '3 Mobile Phone: +447400900124',
    ]);
    expect(result.reasons).toEqual(['Duplicate of row 3, Mobile Phone.']);
    expect(result.counts).toMatchObject({ ready: 4, duplicate: 1, invalid: 0 });
  });

  it('vCard 3.0: every TEL but the fax, an iPhone label, a number folded in two', () => {
    const result = vcf(vcard3);
    expect(result.columns).toEqual([
      'Mobile phone',
      'Home phone',
      'Phone (Clinic)',
      'Mobile phone 2',
      'Work phone',
    ]);
    expect(result.ready).toEqual([
      '1 Mobile phone: +447400900123',
      '1 Home phone: +442079460958',
      '2 Mobile phone: +447400900125',
      '2 Phone (Clinic): +447400900124',
      '3 Work phone: +441614960000',
    ]);
    expect(result.reasons).toEqual(['Duplicate of card 1, Mobile phone.']);
  });

  it('vCard 4.0: tel: URIs with an extension, two numbers typed in one TEL', () => {
    const result = vcf(vcard4);
    expect(result.ready).toEqual([
      '1 Mobile phone: +447400900126',
      '1 Work phone: +441614960001',
      '1 Home phone: +442079460959',
      '2 Mobile phone: +447400900127',
      '3 Work phone: +441614960002',
      '3 Work phone: +441614960003',
    ]);
    expect(result.counts).toMatchObject({ ready: 6, duplicate: 0, invalid: 0 });
  });

  it('a spreadsheet with Mobile and Landline columns (and an NHS number, not a phone)', () => {
    const sheet = [
      ['Patient', 'NHS number', 'Mobile', 'Landline', 'Date of birth'],
      ['Ann', '943 476 5919', '07400 900123', '020 7946 0958', '1980-04-02'],
      ['Bo', '943 476 5920', '', '020 7946 0959 / 020 7946 0960', '1981-04-03'],
      ['Cy', '943 476 5921', '07400 900124', '', '1982-04-04'],
    ];
    const result = check((onBatch) => {
      onBatch({ rows: [1, 2, 3, 4], cells: sheet });
      return null;
    });
    expect(result.columns).toEqual(['Mobile', 'Landline']);
    expect(result.counts).toMatchObject({ ready: 5, invalid: 0 });
  });
});
