import { describe, expect, it } from 'vitest';
import type { NumberFacts } from '../../../queries/numbers';
import { lineTypeLabel, networkCode, verdicts } from './reachability';

const facts = (over: Partial<NumberFacts>): NumberFacts => ({
  phone_number: '+447911123456',
  country_code: '44',
  is_valid: true,
  line_type: 'mobile',
  is_voip: false,
  carrier_name: 'Vodafone UK',
  mobile_country_code: '234',
  mobile_network_code: '15',
  is_ported: false,
  ...over,
});
const landline = facts({
  line_type: 'fixed_line',
  carrier_name: 'BT',
  mobile_country_code: null,
  mobile_network_code: null,
});

describe('verdicts', () => {
  it('a mobile: SMS reaches it on its carrier, saying when it was ported there', () => {
    expect(verdicts(facts({}), ['sms'])).toEqual([
      { channel: 'sms', tone: 'ok', text: 'SMS will reach a mobile on Vodafone UK.' },
    ]);
    expect(verdicts(facts({ is_ported: true }), ['sms'])[0]?.text).toBe(
      'SMS will reach a mobile on Vodafone UK (ported there).',
    );
  });

  it('a landline: SMS will not arrive, with what to use instead among its channels', () => {
    expect(verdicts(landline, ['sms', 'whatsapp'])).toEqual([
      { channel: 'sms', tone: 'bad', text: 'Landline: SMS will not arrive; use WhatsApp or call.' },
      {
        channel: 'whatsapp',
        tone: 'warn',
        text: 'WhatsApp works only if this landline number has an account.',
      },
    ]);
    expect(verdicts(landline, ['sms'])[0]?.text).toBe('Landline: SMS will not arrive; call instead.');
  });

  it('VoIP, toll-free and unknown lines get their own warning; no channels means SMS', () => {
    const voip = facts({ line_type: 'voip', is_voip: true, carrier_name: null, mobile_network_code: null });
    expect(verdicts(voip, [])).toEqual([
      { channel: 'sms', tone: 'warn', text: 'VoIP: many services do not deliver SMS to it.' },
    ]);
    expect(verdicts(facts({ line_type: 'toll_free', mobile_network_code: null }), ['sms'])[0]).toMatchObject({
      tone: 'bad',
      text: 'Toll-free number: SMS will not arrive; call instead.',
    });
    expect(verdicts(facts({ line_type: null, mobile_network_code: null }), ['sms'])[0]?.tone).toBe('warn');
  });

  it('a number its region cannot tell apart is a mobile when a mobile network serves it', () => {
    const us = facts({
      line_type: 'fixed_line_or_mobile',
      carrier_name: 'T-Mobile US',
      mobile_country_code: '310',
    });
    expect(verdicts(us, ['whatsapp', 'sms']).map((v) => v.tone)).toEqual(['ok', 'ok']);
    const unknown = facts({
      line_type: 'fixed_line_or_mobile',
      carrier_name: null,
      mobile_network_code: null,
    });
    expect(verdicts(unknown, ['sms'])[0]?.tone).toBe('warn');
  });
});

describe('labels', () => {
  it('names line types and networks as people read them', () => {
    expect(['mobile', 'fixed_line', 'fixed_line_or_mobile', 'voip', 'nope', null].map(lineTypeLabel)).toEqual(
      ['Mobile', 'Landline', 'Mobile or landline', 'VoIP', 'Unknown', 'Unknown'],
    );
    expect(networkCode(facts({}))).toBe('MCC 234 · MNC 15');
    expect(networkCode(landline)).toBeNull();
  });
});
