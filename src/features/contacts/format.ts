import type { Contact } from '../../api/contacts';

const channelLabels: Record<string, string> = { sms: 'SMS', whatsapp: 'WhatsApp', rcs: 'RCS' };

export function channelLabel(channel: string): string {
  return channelLabels[channel] ?? channel;
}

/** available_channels is a comma-separated string ("sms,whatsapp"). */
export function channelsOf(contact: Contact): string[] {
  return (contact.available_channels ?? '')
    .split(',')
    .map((channel) => channel.trim())
    .filter(Boolean);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return (withTime ? dateTimeFormat : dateFormat).format(date);
}

export function displayNumber(contact: Contact): string {
  return contact.format_international || contact.format_e164 || contact.phone_number || '—';
}
