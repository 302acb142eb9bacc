import { describe, expect, it } from 'vitest';
import type { Contact } from '../../queries/contacts';
import { CONTACT_COLUMNS, CSV_HEADER, contactsToCsv, csvField, csvRow } from './csv';
import { exportFileName } from './sinks';

/** A small RFC 4180 reader, to prove what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('csvField', () => {
  it('leaves plain values alone', () => {
    expect(csvField('sms')).toBe('sms');
    expect(csvField('(415) 555-0100')).toBe('(415) 555-0100');
    expect(csvField(44)).toBe('44');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks and doubles inner quotes', () => {
    expect(csvField('sms,whatsapp')).toBe('"sms,whatsapp"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('neutralises every formula trigger with an apostrophe, quoted', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField("=cmd|' /C calc'!A0")).toBe("\"'=cmd|' /C calc'!A0\"");
    expect(csvField('-2+3')).toBe('"\'-2+3"');
    expect(csvField('@SUM(A1:A9)')).toBe('"\'@SUM(A1:A9)"');
    expect(csvField('\t=1+1')).toBe('"\'\t=1+1"');
    expect(csvField('\r=1+1')).toBe('"\'\r=1+1"');
    // Only a leading trigger matters.
    expect(csvField('a=b')).toBe('a=b');
  });

  it('keeps phone numbers readable: E.164 and international stay text with their "+"', () => {
    expect(csvField('+14155550100')).toBe('"\'+14155550100"');
    expect(csvField('+44 20 7946 0958')).toBe('"\'+44 20 7946 0958"');
    // The RFC 3966 form needs no prefix, so scripts get the number untouched.
    expect(csvField('tel:+1-415-555-0100')).toBe('tel:+1-415-555-0100');
  });
});

describe('csvRow and contactsToCsv', () => {
  it('ends every record with CRLF', () => {
    expect(csvRow(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
    expect(CSV_HEADER).toBe(`${CONTACT_COLUMNS.join(',')}\r\n`);
  });

  it('writes the table columns plus every phone format, one row per contact, reading back intact', () => {
    const contact: Contact = {
      id: 'c1',
      phone_number: '+1 (415) 555-0100',
      format_e164: '+14155550100',
      format_international: '+1 415-555-0100',
      format_national: '(415) 555-0100',
      format_rfc: 'tel:+1-415-555-0100',
      country_code: '1',
      region_code: 'US',
      available_channels: 'sms,whatsapp',
      default_channel: 'sms',
      opt_out: false,
      is_inherited: true,
      created_at: '2026-01-02T03:04:05Z',
      updated_at: null,
    };
    const evil: Contact = { id: 'c2', phone_number: '=1+1', available_channels: 'a"b', opt_out: true };
    const text = CSV_HEADER + contactsToCsv([contact, evil]);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([...CONTACT_COLUMNS]);
    expect(rows[1]).toEqual([
      'c1',
      "'+1 (415) 555-0100",
      "'+14155550100",
      "'+1 415-555-0100",
      '(415) 555-0100',
      'tel:+1-415-555-0100',
      '1',
      'US',
      'sms,whatsapp',
      'sms',
      'false',
      'true',
      '2026-01-02T03:04:05Z',
      '',
    ]);
    expect(rows[2]?.slice(0, 2)).toEqual(['c2', "'=1+1"]);
    expect(rows[2]?.[8]).toBe('a"b');
    expect(rows[2]?.[10]).toBe('true');
    expect(rows[2]).toHaveLength(CONTACT_COLUMNS.length);
  });
});

describe('exportFileName', () => {
  it('names the account, the filter and the day, safe for any file system', () => {
    const day = new Date('2026-11-23T10:00:00Z');
    expect(exportFileName({ account: 'Northwind Clinics UK' }, day)).toBe(
      'contacts-northwind-clinics-uk-2026-11-23.csv',
    );
    expect(exportFileName({ account: 'Café/Zürich', channel: 'sms', search: '4420' }, day)).toBe(
      'contacts-cafe-zurich-sms-search-4420-2026-11-23.csv',
    );
    expect(exportFileName({}, day)).toBe('contacts-2026-11-23.csv');
  });
});
