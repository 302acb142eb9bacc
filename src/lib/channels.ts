const channelLabels: Record<string, string> = { sms: 'SMS', whatsapp: 'WhatsApp', rcs: 'RCS' };

/** "sms" → "SMS": how a channel is named on screen (unknown channels show as sent). */
export function channelLabel(channel: string): string {
  return channelLabels[channel] ?? channel;
}
