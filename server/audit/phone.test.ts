import { describe, expect, it } from 'vitest';
import { maskNumbersIn, phoneFields, phoneHash, toE164 } from './phone.ts';

const key = Buffer.from('k'.repeat(32));

describe('numbers in the trail', () => {
  it('normalises the forms people type to E.164', () => {
    for (const typed of [
      '+44 7700 900123',
      '0044 7700 900123',
      '447700900123',
      'tel:+44-7700-900123',
      'tel:+44-7700-900123;ext=12',
      'tel:7700-900123;phone-context=+44',
    ]) {
      expect(toE164(typed)).toEqual({ e164: '+447700900123', countryCode: '44' });
    }
    expect(toE164('not a number')).toBeNull();
  });

  it('keeps the masked form and a keyed hash, never the number', () => {
    const fields = phoneFields('+44 7700 900123', key);
    expect(fields).toEqual({ phone_masked: '+44••••••••23', phone_hash: phoneHash('+447700900123', key) });
    expect(JSON.stringify(fields)).not.toContain('7700900123');
    expect(phoneFields('+447700900123', Buffer.from('o'.repeat(32)))?.phone_hash).not.toBe(
      fields?.phone_hash,
    );
  });

  it('masks numbers that slip into details, leaving ids, dates and counts alone', () => {
    const details = {
      query: '+14155550100',
      before: { phone_number: '4155550100', opt_out: false, updated_at: '2025-03-04' },
      list: ['tel:+1-415-555-0100', 'c3d4e5f6-0000-4111-8222-123456789012'],
      row_count: 1234567,
      note: 'bad\u0000byte',
    };
    expect(maskNumbersIn(details)).toEqual({
      query: '+1••••••••00',
      before: { phone_number: '••••••••00', opt_out: false, updated_at: '2025-03-04' },
      list: ['tel:+1-•••-•••-••00', 'c3d4e5f6-0000-4111-8222-123456789012'],
      row_count: 1234567,
      note: 'badbyte',
    });
  });
});
