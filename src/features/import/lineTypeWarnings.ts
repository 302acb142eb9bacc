// Landlines and VoIP numbers in an import, flagged as warnings from libphonenumber's number type alone (no
// API request): they are imported unless the person drops them, but a text will not (or may not) arrive.
// The type data (line-types.json, generated from libphonenumber-js by server/tools/line-type-metadata.ts)
// is a static asset fetched when a check starts, not code: it stays out of the JavaScript bundles.
import type { MetadataJson } from 'libphonenumber-js/core';
import { loadPhoneLib, type PhoneLib } from '../../lib/phone';
import lineTypesUrl from './line-types.json?url';

export const LINE_WARNINGS = ['landline', 'voip'] as const;
export type LineWarning = (typeof LINE_WARNINGS)[number];

/** What the row says next to a flagged number. */
export const LINE_WARNING_REASONS: Record<LineWarning, string> = {
  landline: 'Landline: SMS will not arrive.',
  voip: 'VoIP: many services do not deliver SMS.',
};

/** The warning for a valid E.164 number, or null (mobile, or a type nobody warns about). */
export type LineWarningOf = (e164: string) => LineWarning | null;

export function lineWarningsFrom(lib: Pick<PhoneLib, 'numberTypeIn'>, metadata: MetadataJson): LineWarningOf {
  return (e164) => {
    // Built from the E.164 form the check already made (a sixth of the cost of parsing text again).
    const type = lib.numberTypeIn(e164, metadata);
    return type === 'FIXED_LINE' ? 'landline' : type === 'VOIP' ? 'voip' : null;
  };
}

let loading: Promise<LineWarningOf | null> | null = null;

/** The classifier once its data is here; null when it could not be fetched (the check then runs without). */
export function loadLineWarnings(): Promise<LineWarningOf | null> {
  const metadata = () =>
    fetch(lineTypesUrl).then((res) =>
      res.ok ? (res.json() as Promise<MetadataJson>) : Promise.reject(new Error(String(res.status))),
    );
  loading ??= Promise.all([loadPhoneLib(), metadata()])
    .then(([lib, data]) => lineWarningsFrom(lib, data))
    .catch(() => {
      loading = null; // the next check tries again
      return null;
    });
  return loading;
}
