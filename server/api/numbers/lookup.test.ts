// The number lookup's facts over many numbers (no HTTP: the contract tests drive the route): a stable ~8 % of
// mobiles ported, a region's mobiles spread over its networks, the same answer for the same number.
import { describe, expect, it } from 'vitest';
import { generateContact, type OwnerSpec } from '../generator.ts';
import { parseValid } from '../phone.ts';
import { CARRIERS } from './carriers.ts';
import { lookupFacts, PORTED_PERCENT } from './lookup.ts';

const OWNER: OwnerSpec = {
  id: 'owner',
  salt: 21,
  count: 20_000,
  regions: [
    ['GB', 1],
    ['DE', 1],
    ['US', 1],
    ['FR', 1],
  ],
};

const facts = Array.from({ length: OWNER.count }, (_, i) => {
  const phone = parseValid(generateContact(42, OWNER, OWNER.regions, i).e164);
  if (!phone) throw new Error('the generator makes valid numbers');
  return lookupFacts(phone);
});
const onNetworks = facts.filter((f) => f.mobile_network_code);

describe('lookupFacts over 20,000 numbers', () => {
  it('ports a stable ~8 % of the numbers on a mobile network, and no others', () => {
    expect(onNetworks.length).toBeGreaterThan(18_000);
    const share = onNetworks.filter((f) => f.is_ported).length / onNetworks.length;
    expect(Math.abs(share - PORTED_PERCENT / 100)).toBeLessThan(0.01);
    expect(facts.filter((f) => !f.mobile_network_code).every((f) => f.is_ported !== true)).toBe(true);
  });

  it('spreads a region’s mobiles evenly over its networks, each with its own MCC/MNC', () => {
    for (const region of ['GB', 'DE', 'FR'] as const) {
      const networks = CARRIERS[region]?.mobile ?? [];
      const mcc = networks[0]?.mcc;
      const mine = onNetworks.filter((f) => f.mobile_country_code === mcc);
      for (const network of networks) {
        const share = mine.filter((f) => f.carrier_name === network.name).length / mine.length;
        expect(share, `${region} ${network.name}`).toBeGreaterThan(0.7 / networks.length);
        expect(share, `${region} ${network.name}`).toBeLessThan(1.3 / networks.length);
        expect(
          mine
            .filter((f) => f.carrier_name === network.name)
            .every((f) => f.mobile_network_code === network.mnc),
        ).toBe(true);
      }
    }
  });

  it('gives the same number the same answer', () => {
    const again = lookupFacts(parseValid(facts[7]?.phone_number ?? '') ?? (null as never));
    expect(again).toEqual(facts[7]);
  });
});
