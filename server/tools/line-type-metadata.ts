// The import check's line-type data (src/features/import/line-types.json): libphonenumber-js's own "max"
// metadata cut down to what telling landlines and VoIP from mobiles needs (every region's numbering plan
// with its fixed-line, mobile and VoIP patterns; no formats, no other types), so the browser can ask
// libphonenumber's getType() without the 39 kB of the full metadata. `npm run gen:line-types` writes it;
// line-type-metadata.test.ts fails when it no longer matches the installed libphonenumber-js.
import { writeFileSync } from 'node:fs';
import type { MetadataJson } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';

export const LINE_TYPES_FILE = 'src/features/import/line-types.json';

// Positions in the compressed metadata (v4): a region's formats, and its types in this order: fixed_line,
// mobile, toll_free, premium_rate, personal_number, voicemail, uan, pager, voip, shared_cost.
const FORMATS = 4;
const TYPES = 11;
const KEPT_TYPES = new Set([0, 1, 8]);

type Region = unknown[];

function cut(region: Region): Region {
  const out = region.slice(0, TYPES + 1);
  out[FORMATS] = [];
  const types = out[TYPES];
  if (Array.isArray(types)) out[TYPES] = types.map((type, i) => (KEPT_TYPES.has(i) ? type : 0));
  return out;
}

const cutAll = (regions: Record<string, Region>) =>
  Object.fromEntries(Object.entries(regions).map(([code, region]) => [code, cut(region)]));

export function lineTypeMetadata(max = maxMetadata as unknown as MetadataJson): MetadataJson {
  const full = max as unknown as {
    version: number;
    country_calling_codes: unknown;
    countries: Record<string, Region>;
    nonGeographic: Record<string, Region>;
  };
  return {
    version: full.version,
    country_calling_codes: full.country_calling_codes,
    countries: cutAll(full.countries),
    nonGeographic: cutAll(full.nonGeographic),
  } as unknown as MetadataJson;
}

if (process.argv[1]?.endsWith('line-type-metadata.ts')) {
  writeFileSync(LINE_TYPES_FILE, `${JSON.stringify(lineTypeMetadata())}\n`);
  console.log(`wrote ${LINE_TYPES_FILE}`);
}
