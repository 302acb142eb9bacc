// CSV for people who open it in a spreadsheet: RFC 4180 (CRLF, quoted fields, doubled inner quotes) and
// safe against formula injection. Neutral code: the browser's export and the server's audit export use it.

/**
 * Cells starting with one of these are evaluated as formulas by Excel, LibreOffice and Google Sheets
 * (TAB and CR because Excel trims them and then evaluates what follows).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field. A value that could start a formula gets a leading apostrophe and is always quoted, as OWASP
 * recommends: spreadsheets then show it as text instead of evaluating it.
 *
 * Phone numbers are the common case, not the exotic one: every E.164 and international number starts
 * with "+". Unprefixed, Excel turns "+14155550100" into the number 14155550100 (the "+" is lost, long
 * numbers become 4.47946E+11) and "+44 20 7946 0958" into a #NAME? error, so the prefix is what keeps
 * them readable and copyable as well as safe. A plain-text reader sees the apostrophe; for
 * machine use, `format_rfc` ("tel:+1-415-555-0100") and the digits of `format_e164` carry the same number
 * with no prefix, and a leading "'" before "+" can be stripped safely.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  let text = value;
  let quote = false;
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  if (NEEDS_QUOTES.test(text)) {
    text = text.replace(/"/g, '""');
    quote = true;
  }
  return quote ? `"${text}"` : text;
}

/** One record, terminated by CRLF (RFC 4180 §2.1). */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i]);
  }
  return `${line}\r\n`;
}
