import type { Contact } from '../../queries/contacts';

/** available_channels is a comma-separated string ("sms,whatsapp"). */
export function channelsOf(contact: Contact): string[] {
  return (contact.available_channels ?? '')
    .split(',')
    .map((channel) => channel.trim())
    .filter(Boolean);
}

const dateOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
const formats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to create: one per (with time, zone) pair, made on first use. */
function formatter(withTime: boolean, timeZone: 'UTC' | undefined): Intl.DateTimeFormat {
  const key = `${withTime}:${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...dateOptions, ...(withTime ? timeOptions : {}), timeZone });
    formats.set(key, format);
  }
  return format;
}

/** In the browser's time zone, or in UTC where the output must not depend on it (server rendering). */
export function formatDate(value: string | null | undefined, withTime = false, timeZone?: 'UTC'): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return formatter(withTime, timeZone).format(date);
}

export function displayNumber(contact: Contact): string {
  return contact.format_international || contact.format_e164 || contact.phone_number || '—';
}
