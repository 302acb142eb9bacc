import { describe, expect, it } from 'vitest';
import type { RowBatch } from './delimited';
import v3 from './fixtures/contacts-3.0.vcf?raw';
import v4 from './fixtures/contacts-4.0.vcf?raw';
import { isVCard, parseVCards, telKind } from './vcard';

/** Every card as {column name: cell} (empty cells left out), plus the summary. */
function read(text: string, maxRows = 1000) {
  const rows: [number, string[]][] = [];
  const summary = parseVCards(
    text,
    (batch: RowBatch) => batch.rows.forEach((row, i) => void rows.push([row, batch.cells[i] as string[]])),
    { maxRows, batchCells: 5 },
  );
  const cards = rows.map(([row, cells]) => ({
    row,
    ...Object.fromEntries(cells.flatMap((cell, i) => (cell ? [[summary.header[i], cell]] : []))),
  }));
  return { cards, summary };
}

describe('parseVCards', () => {
  it('reads a vCard 3.0 export: types, an iPhone label, a folded number, a photo and a note', () => {
    const { cards, summary } = read(v3);
    expect(summary).toMatchObject({ rowCount: 3, versions: ['3.0'], tooMany: false });
    expect(summary.header).toEqual([
      'Name',
      'Mobile phone',
      'Home phone',
      'Phone (Clinic)',
      'Mobile phone 2',
      'Work phone',
      'Work fax',
    ]);
    expect(cards).toEqual([
      { row: 1, Name: 'Ann Example', 'Mobile phone': '+44 7400 900123', 'Home phone': '020 7946 0958' },
      {
        row: 2,
        Name: 'Bo Smith',
        'Phone (Clinic)': '07400 900124',
        'Mobile phone': '07400 900125',
        'Mobile phone 2': '+44 7400 900123',
      },
      // Folded in the middle of the number: joined again.
      { row: 3, Name: 'Cy Jones', 'Work phone': '+44 161 4960000', 'Work fax': '+44 161 496 0099' },
    ]);
  });

  it('reads a vCard 4.0 export: tel: URIs, quoted TYPE lists, text values', () => {
    const { cards, summary } = read(v4);
    expect(summary.versions).toEqual(['4.0']);
    expect(cards).toEqual([
      {
        row: 1,
        Name: 'Di Brown',
        'Mobile phone': 'tel:+44-7400-900126',
        'Work phone': 'tel:+44-161-496-0001;ext=12',
        'Home phone': '020 7946 0959',
      },
      { row: 2, Name: 'Ed Green', 'Mobile phone': 'tel:+44-7400-900127' },
      { row: 3, Name: 'Clinic reception', 'Work phone': '0161 496 0002 / 0161 496 0003' },
    ]);
  });

  it('reads vCard 2.1: bare types, quoted-printable with soft line breaks, LF line ends', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dupont;=C3=89lodie;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=89lodie Dupont, un nom tr=C3=A8s lo=',
      'ng',
      'TEL;CELL;PREF:+447400900128',
      'TEL;HOME:02079460960',
      'TEL;WORK;FAX:02079460961',
      'TEL;ENCODING=QUOTED-PRINTABLE;VOICE:020=207946=200962',
      'END:VCARD',
      '',
    ].join('\n');
    const { cards } = read(text);
    expect(cards).toEqual([
      {
        row: 1,
        Name: 'Élodie Dupont, un nom très long',
        'Mobile phone': '+447400900128',
        'Home phone': '02079460960',
        'Work fax': '02079460961',
        Phone: '020 7946 0962',
      },
    ]);
  });

  it('numbers cards as they come, keeps a card without numbers, and stops past the limit', () => {
    const card = (fn: string, tel?: string) =>
      ['BEGIN:VCARD', 'VERSION:3.0', `FN:${fn}`, ...(tel ? [`TEL:${tel}`] : []), 'END:VCARD'].join('\r\n');
    const text = [card('A', '+447400900001'), card('B'), card('C', '+447400900003')].join('\r\n');
    expect(read(text).cards).toEqual([
      { row: 1, Name: 'A', Phone: '+447400900001' },
      { row: 2, Name: 'B' },
      { row: 3, Name: 'C', Phone: '+447400900003' },
    ]);
    const limited = read(text, 2);
    expect(limited.cards).toHaveLength(2);
    expect(limited.summary.tooMany).toBe(true);
  });

  it('reads a 2.1 AGENT card as part of its card, and a last card cut short', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Boss',
      'TEL;WORK:+441614960010',
      'AGENT:',
      'BEGIN:VCARD',
      'FN:Assistant',
      'TEL;WORK:+441614960011',
      'END:VCARD',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Cut',
      'TEL;CELL:+447400900129',
    ].join('\r\n');
    expect(read(text).cards).toEqual([
      { row: 1, Name: 'Boss', 'Work phone': '+441614960010' },
      { row: 2, Name: 'Cut', 'Mobile phone': '+447400900129' },
    ]);
  });

  it('says so when the file holds no card', () => {
    expect(() => read('name,phone\nAnn,+447400900123\n')).toThrow(/no vCard/);
  });
});

describe('telKind and isVCard', () => {
  it('names the kinds of number', () => {
    expect(telKind(['CELL', 'VOICE', 'pref'], null)).toBe('Mobile phone');
    expect(telKind(['HOME', 'FAX'], null)).toBe('Home fax');
    expect(telKind(['pager'], null)).toBe('Pager');
    expect(telKind(['main'], null)).toBe('Main phone');
    expect(telKind([], null)).toBe('Phone');
    expect(telKind(['pref'], '_$!<Mobile>!$_')).toBe('Phone');
    expect(telKind(['pref'], 'Clinic')).toBe('Phone (Clinic)');
  });

  it('knows a vCard by its name or its first line', () => {
    expect(isVCard('contacts.VCF', '')).toBe(true);
    expect(isVCard('Pasted text', '\r\n BEGIN:VCARD\r\nVERSION:3.0')).toBe(true);
    expect(isVCard('contacts.csv', 'name,phone')).toBe(false);
  });
});
