import type { MetadataJson } from 'libphonenumber-js/core';
import { describe, expect, it } from 'vitest';
import * as phoneLib from '../../lib/phoneLib';
import { toE164 } from '../../lib/phoneLib';
import { checkedRow, classify, importRows, type Normalise, toSend } from './check';
import lineTypes from './line-types.json';
import { lineWarningsFrom } from './lineTypeWarnings';

const lineWarning = lineWarningsFrom(phoneLib, lineTypes as unknown as MetadataJson);
/** useRowCheck's normaliser: the number, and its warning when it has one. */
const gb: Normalise = (input) => {
  const result = toE164(input, 'GB');
  return result.ok ? { ...result, warning: lineWarning(result.e164) } : result;
};
const rowsOf = (...cells: string[]) => cells.map((cell, i) => checkedRow(i + 2, cell, gb));

describe('line-type warnings in the import check', () => {
  it('flags landlines and VoIP numbers from the number alone; mobiles and "either" numbers pass', () => {
    expect(
      [
        '+442079460958',
        '+445612345678',
        '+33912345678',
        '+447911123456',
        '+12025550123',
        '+448001234567',
      ].map(lineWarning),
    ).toEqual(['landline', 'voip', 'voip', null, null, null]);
  });

  it('counts them apart, says why, and still sends them (the person decides to keep or drop)', () => {
    const rows = rowsOf('020 7946 0958', '056 1234 5678', '07911 123456', '020 79');
    const classification = classify(rows, null);
    expect(classification.counts).toMatchObject({ ready: 1, landline: 1, voip: 1, invalid: 1 });
    expect(classification.verdicts.map((v) => v.reason)).toEqual([
      'Landline: SMS will not arrive.',
      'VoIP: many services do not deliver SMS.',
      null,
      'Too few digits for a phone number in United Kingdom.',
    ]);
    expect(toSend(classification.counts)).toBe(3);
    expect(importRows(rows, classification).map((r) => [r.input, r.problem])).toEqual([
      ['020 7946 0958', null],
      ['056 1234 5678', null],
      ['07911 123456', null],
      ['020 79', 'invalid'],
    ]);
  });

  it('gives way to what stops a row: dropped, a duplicate, already in the profile', () => {
    const rows = rowsOf('020 7946 0958', '+44 20 7946 0958', '020 7946 0959');
    const dropped = { ...rowsOf('020 7946 0960')[0], dropped: true } as (typeof rows)[number];
    const { verdicts } = classify([...rows, dropped], new Set(['+442079460959']));
    expect(verdicts.map((v) => v.status)).toEqual(['landline', 'duplicate', 'exists', 'dropped']);
  });
});
