// Privacy mode's masking. Pure, so every phone format can be tested: the digits in the middle become
// bullets, while the country code, the last two digits and all punctuation stay, so a masked number still
// reads like the format it is ("+44 •••• ••••23", "tel:+44-••••-••••23", "(•••) •••-••00").

export const MASK = '•';
const KEEP_LAST = 2;

/** Country calling code digits right after "+" (or "00"); guessed by length when the caller does not know it. */
function leadingCodeLength(text: string, countryCode: string | null | undefined): number {
  const compact = text.replace(/[^\d+]/g, '');
  const international = /^\+/.test(compact)
    ? compact.slice(1)
    : /^00/.test(compact)
      ? compact.slice(2)
      : null;
  if (international === null) return 0;
  const prefix = compact.length - international.length - (compact.startsWith('+') ? 1 : 0);
  if (countryCode && international.startsWith(countryCode)) return prefix + countryCode.length;
  // Unknown code: 1 and 7 are the only one-digit codes; keeping two digits of a three-digit code only
  // hides more, never less.
  return prefix + (/^[17]/.test(international) ? 1 : 2);
}

/**
 * Masks every digit of a phone number in any format except the country code and the last two digits.
 * Text without digits (e.g. "—") is returned unchanged.
 */
export function maskPhone(text: string, countryCode?: string | null): string {
  const total = (text.match(/\d/g) ?? []).length;
  if (total === 0) return text;
  let keepHead = leadingCodeLength(text, countryCode);
  // Very short numbers: never leave fewer than three masked digits.
  if (total - keepHead - KEEP_LAST < 3) keepHead = 0;
  let seen = 0;
  return text.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= keepHead || seen > total - KEEP_LAST ? digit : MASK;
  });
}
