import { CHANNELS, type Channel, isUuid } from '../../src/shared/contract.ts';
import { ApiFailure } from './errors.ts';

export { CHANNELS, type Channel, isUuid };

export function requireUuid(value: string, field = 'id'): string {
  if (!isUuid(value))
    throw new ApiFailure('VALIDATION_003', 'Invalid ID format.', { [field]: ['Must be a UUID.'] });
  return value;
}

/** A required integer query parameter: missing → VALIDATION_004, not an integer → VALIDATION_001. */
export function requiredInt(raw: string | undefined, field: string): number {
  if (raw === undefined || raw.trim() === '') {
    throw new ApiFailure('VALIDATION_004', `The ${field} field is required.`, {
      [field]: ['The field is required.'],
    });
  }
  if (!/^[+-]?\d{1,9}$/.test(raw.trim())) {
    throw new ApiFailure('VALIDATION_001', 'Request validation failed', {
      [field]: [`The value '${raw.slice(0, 40)}' is not a valid integer.`],
    });
  }
  return Number(raw);
}

export function optionalInt(raw: string | undefined, field: string, fallback: number): number {
  return raw === undefined || raw === '' ? fallback : requiredInt(raw, field);
}

export function parseChannel(raw: string | undefined): Channel | undefined {
  if (raw === undefined || raw === '') return undefined;
  const channel = raw.trim().toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    throw new ApiFailure(
      'VALIDATION_006',
      `Invalid channel '${raw.slice(0, 40)}'. Must be one of: sms, whatsapp.`,
      {
        channel: ['Must be one of: sms, whatsapp.'],
      },
    );
  }
  return channel as Channel;
}

export function assertRange(value: number, min: number, max: number, message: string, field: string): void {
  if (value < min || value > max) throw new ApiFailure('VALIDATION_005', message, { [field]: [message] });
}
