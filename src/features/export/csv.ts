// The contacts export's CSV: the table's columns and every phone format. Field quoting and formula-injection
// safety live in src/shared/csv.ts (the server's audit export uses them too).
import type { Contact } from '../../queries/contacts';
import { csvField, csvRow } from '../../shared/csv';

export { csvField, csvRow };

/** The table's columns plus every phone format, in the API's own field names (stable for scripts). */
export const CONTACT_COLUMNS = [
  'id',
  'phone_number',
  'format_e164',
  'format_international',
  'format_national',
  'format_rfc',
  'country_code',
  'region_code',
  'available_channels',
  'default_channel',
  'opt_out',
  'is_inherited',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof Contact)[];

export const CSV_HEADER = csvRow(CONTACT_COLUMNS);

/** One page of contacts as CSV text (no header). Booleans are written as true/false. */
export function contactsToCsv(contacts: readonly Contact[]): string {
  // Hot loop (100,000 rows in a big export): no per-row arrays, one string per page.
  let text = '';
  for (const contact of contacts) {
    for (let i = 0; i < CONTACT_COLUMNS.length; i++) {
      if (i > 0) text += ',';
      text += csvField(contact[CONTACT_COLUMNS[i] as (typeof CONTACT_COLUMNS)[number]]);
    }
    text += '\r\n';
  }
  return text;
}
