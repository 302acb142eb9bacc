// The import check's line-type data is libphonenumber-js's own, cut down: the same landline/VoIP answer as
// the full metadata for numbers of every region, and the checked-in file is what this version generates.
import { readFileSync } from 'node:fs';
import { type MetadataJson, parsePhoneNumberFromString } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../api/random.ts';
import { LINE_TYPES_FILE, lineTypeMetadata } from './line-type-metadata.ts';

const max = maxMetadata as unknown as MetadataJson;
const cut = lineTypeMetadata();
const kind = (type: string | undefined) =>
  type === 'FIXED_LINE' ? 'landline' : type === 'VOIP' ? 'voip' : null;

describe('line-type metadata', () => {
  it('is the checked-in file (run `npm run gen:line-types` after upgrading libphonenumber-js)', () => {
    expect(JSON.parse(readFileSync(LINE_TYPES_FILE, 'utf8'))).toEqual(cut);
  });

  it('tells landlines and VoIP numbers apart exactly as the full metadata does, in every region', () => {
    const rand = mulberry32(21);
    const seen = { landline: 0, voip: 0, other: 0 };
    const regions = (max as unknown as { countries: Record<string, [string, unknown, unknown, number[]]> })
      .countries;
    for (const [region, [callingCode, , , lengths]] of Object.entries(regions)) {
      for (let i = 0; i < 120; i++) {
        const length = lengths[i % lengths.length] ?? 8;
        const national = Array.from({ length }, (_, d) => Math.floor(rand() * 10) || (d === 0 ? 1 : 0)).join(
          '',
        );
        const e164 = `+${callingCode}${national}`;
        const full = parsePhoneNumberFromString(e164, max);
        if (!full?.isValid()) continue;
        const expected = kind(full.getType());
        expect(kind(parsePhoneNumberFromString(e164, cut)?.getType()), `${region} ${e164}`).toBe(expected);
        seen[expected ?? 'other']++;
      }
    }
    expect(seen.landline).toBeGreaterThan(2000);
    expect(seen.voip).toBeGreaterThan(50);
  });
});
