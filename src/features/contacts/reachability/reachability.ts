// What a number's facts (Sent's number lookup) mean for reaching the person: a label per line type, the
// carrier as people read it, and one plain verdict per channel the contact has. Pure, so every line type
// and channel can be tested; the card and the lookup's "no contact" screen both say it this way.
import { channelLabel } from '../../../lib/channels';
import type { NumberFacts } from '../../../queries/numbers';

const LINE_TYPES: Record<string, string> = {
  mobile: 'Mobile',
  fixed_line: 'Landline',
  fixed_line_or_mobile: 'Mobile or landline',
  voip: 'VoIP',
  toll_free: 'Toll-free',
  premium_rate: 'Premium rate',
  shared_cost: 'Shared cost',
  personal_number: 'Personal number',
  pager: 'Pager',
  uan: 'Company number (UAN)',
  voicemail: 'Voicemail',
};

export function lineTypeLabel(lineType: string | null | undefined): string {
  return (lineType && LINE_TYPES[lineType]) || 'Unknown';
}

/** "MCC 234 · MNC 15" for a mobile network, null otherwise. */
export function networkCode(facts: NumberFacts): string | null {
  return facts.mobile_country_code && facts.mobile_network_code
    ? `MCC ${facts.mobile_country_code} · MNC ${facts.mobile_network_code}`
    : null;
}

export type Tone = 'ok' | 'warn' | 'bad';

export interface Verdict {
  channel: string;
  tone: Tone;
  text: string;
}

/** On a mobile network: a mobile, or a number its region cannot tell apart that a mobile carrier serves. */
const onMobile = (f: NumberFacts) =>
  f.line_type === 'mobile' || (f.line_type === 'fixed_line_or_mobile' && Boolean(f.mobile_network_code));

function sms(f: NumberFacts, otherChannels: string[]): Omit<Verdict, 'channel'> {
  const instead = otherChannels.includes('whatsapp') ? 'use WhatsApp or call' : 'call instead';
  if (onMobile(f)) {
    const on = f.carrier_name ? ` on ${f.carrier_name}` : '';
    return { tone: 'ok', text: `SMS will reach a mobile${on}${f.is_ported ? ' (ported there)' : ''}.` };
  }
  switch (f.line_type) {
    case 'fixed_line':
      return { tone: 'bad', text: `Landline: SMS will not arrive; ${instead}.` };
    case 'voip':
      return { tone: 'warn', text: 'VoIP: many services do not deliver SMS to it.' };
    case 'fixed_line_or_mobile':
      return {
        tone: 'warn',
        text: 'Mobile or landline (the number does not say): SMS arrives only on a mobile.',
      };
    case 'unknown':
    case null:
    case undefined:
      return { tone: 'warn', text: 'Line type unknown: SMS may not arrive.' };
    default:
      return { tone: 'bad', text: `${lineTypeLabel(f.line_type)} number: SMS will not arrive; ${instead}.` };
  }
}

function whatsapp(f: NumberFacts): Omit<Verdict, 'channel'> {
  if (onMobile(f)) return { tone: 'ok', text: 'WhatsApp reaches the app registered to this number.' };
  return {
    tone: 'warn',
    text: `WhatsApp works only if this ${lineTypeLabel(f.line_type).toLowerCase()} number has an account.`,
  };
}

/** One verdict per channel the contact has, in its order; SMS alone when it lists none (how Sent sends). */
export function verdicts(facts: NumberFacts, channels: readonly string[]): Verdict[] {
  const list = channels.length ? channels : ['sms'];
  return list.map((channel) => {
    const others = list.filter((c) => c !== channel);
    if (channel === 'sms') return { channel, ...sms(facts, others) };
    if (channel === 'whatsapp') return { channel, ...whatsapp(facts) };
    return { channel, tone: 'warn', text: `${channelLabel(channel)}: no verdict for this line.` };
  });
}
