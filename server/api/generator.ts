import type { CountryCode } from 'libphonenumber-js/max';
import { getExampleNumber } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { formatsOf, type PhoneFormats, validFromParts } from './phone.ts';
import { mixSeed, mulberry32, pickWeighted, uuidFor } from './random.ts';

export type RegionMix = readonly (readonly [CountryCode, number])[];

export interface OwnerSpec {
  id: string;
  /** Decorrelates owners that share a seed. */
  salt: number;
  count: number;
  regions: RegionMix;
}

/** Columns of the contacts table in insert order (store/schema.ts); rows travel between threads as arrays in this order. */
export const CONTACT_COLUMNS = [
  'id',
  'owner_id',
  'phone_number',
  'e164',
  'intl',
  'national',
  'rfc',
  'country_code',
  'region_code',
  'search_digits',
  'has_sms',
  'has_whatsapp',
  'default_channel',
  'opt_out',
  'created_at',
  'updated_at',
] as const;

/** Values for INSERT_CONTACT_SQL: the rowid first, then CONTACT_COLUMNS. */
export const rowValues = (row: ContactRow, rid: number) => [
  rid,
  ...CONTACT_COLUMNS.map((column) => row[column]),
];

/** One row of the contacts table, column names as in store/schema.ts. */
export interface ContactRow {
  id: string;
  owner_id: string;
  phone_number: string;
  e164: string;
  intl: string;
  national: string;
  rfc: string;
  country_code: string;
  region_code: string;
  search_digits: string;
  has_sms: 0 | 1;
  has_whatsapp: 0 | 1;
  default_channel: string;
  opt_out: 0 | 1;
  created_at: string;
  updated_at: string | null;
}

const DAY = 86_400_000;
/** Data is dated relative to a fixed day so the same seed gives byte-identical data on any date. */
export const DATA_EPOCH = Date.UTC(2026, 10, 1);
const SPAN = 730 * DAY;
/** Multiplier coprime with 10: i -> (i * STRIDE + offset) mod 10^k is a bijection, so numbers never repeat. */
const STRIDE = 7_654_321;
const MAX_TRIES = 30;
/** A plan must give valid numbers at least this often, so MAX_TRIES essentially never runs out. */
const MIN_VALID_SHARE = 0.5;

interface RegionPlan {
  prefix: string;
  tailDigits: number;
}

const planCache = new Map<CountryCode, RegionPlan>();

/**
 * A realistic numbering plan from libphonenumber itself: start from the region's mobile example and keep as few of
 * its leading digits as possible (more variety: many area codes and operators) while random tails stay mostly valid.
 */
function planFor(region: CountryCode): RegionPlan {
  let plan = planCache.get(region);
  if (plan) return plan;
  const example = getExampleNumber(region, mobileExamples);
  if (!example) throw new Error(`No example number for ${region}`);
  const national = example.nationalNumber as string;
  for (let keep = 1; keep <= 3 && !plan; keep++) {
    const candidate = { prefix: national.slice(0, keep), tailDigits: national.length - keep };
    if (validShare(region, candidate) >= MIN_VALID_SHARE) plan = candidate;
  }
  plan ??= { prefix: national.slice(0, 4), tailDigits: national.length - 4 };
  planCache.set(region, plan);
  return plan;
}

function validShare(region: CountryCode, plan: RegionPlan): number {
  const rand = mulberry32(mixSeed(plan.tailDigits, plan.prefix.length));
  const probes = 200;
  let valid = 0;
  for (let i = 0; i < probes; i++) {
    const tail = String(Math.floor(rand() * 10 ** plan.tailDigits)).padStart(plan.tailDigits, '0');
    if (validFromParts(region, plan.prefix + tail)) valid++;
  }
  return valid / probes;
}

/** Regions whose number space comfortably holds `count` distinct numbers (with room for retries). */
export function usableRegions(regions: RegionMix, count: number): RegionMix {
  const usable = regions.filter(([region]) => 10 ** planFor(region).tailDigits >= count * (MAX_TRIES + 1));
  if (usable.length === 0) throw new Error(`No region can hold ${count} distinct numbers`);
  return usable;
}

/** Contact `index` of `owner`: a pure function of (seed, owner, index), so ranges can be made in any order. */
export function generateContact(
  seed: number,
  owner: OwnerSpec,
  regions: RegionMix,
  index: number,
): ContactRow {
  const rand = mulberry32(mixSeed(seed, owner.salt, index));
  const region = pickWeighted(rand, regions);
  const plan = planFor(region);
  const space = 10 ** plan.tailDigits;
  const offset = mixSeed(seed, owner.salt, plan.tailDigits) % space;
  let phone = null;
  for (let attempt = 0; attempt < MAX_TRIES && !phone; attempt++) {
    const candidate = index + attempt * owner.count;
    const tail = String((candidate * STRIDE + offset) % space).padStart(plan.tailDigits, '0');
    phone = validFromParts(region, `${plan.prefix}${tail}`);
  }
  if (!phone) throw new Error(`Could not generate a valid ${region} number for index ${index}`);
  const formats = formatsOf(phone);

  const channelRoll = rand();
  const hasSms = channelRoll < 0.9;
  const hasWhatsapp = channelRoll >= 0.35;
  const defaultChannel = hasSms && (!hasWhatsapp || rand() < 0.7) ? 'sms' : 'whatsapp';
  const created = DATA_EPOCH - Math.floor(rand() * SPAN);
  const updated = rand() < 0.3 ? created + Math.floor(rand() * (DATA_EPOCH - created)) : null;

  return {
    id: uuidFor(rand, owner.salt, index, seed),
    owner_id: owner.id,
    phone_number: formats.e164,
    ...phoneColumns(formats),
    has_sms: hasSms ? 1 : 0,
    has_whatsapp: hasWhatsapp ? 1 : 0,
    default_channel: defaultChannel,
    opt_out: rand() < 0.06 ? 1 : 0,
    created_at: isoTimestamp(created),
    updated_at: updated === null ? null : isoTimestamp(updated),
  };
}

/** The contact columns that hold a number's formats, as libphonenumber-js computed them. */
export function phoneColumns(formats: PhoneFormats) {
  return {
    e164: formats.e164,
    intl: formats.international,
    national: formats.national,
    rfc: formats.rfc,
    country_code: formats.countryCode,
    region_code: formats.regionCode,
    search_digits: formats.searchDigits,
  };
}

/** Sent's timestamps carry an explicit offset ("…+00:00"), not "Z". */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}
