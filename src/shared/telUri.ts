// RFC 3966 "tel:" URIs, both ways. Neutral code (browser and server): no phone library here, callers bring
// the number's formats and parse what comes out.

/**
 * A number's tel URI from its INTERNATIONAL format: "+44 20 7946 0958" → "tel:+44-20-7946-0958", the groups
 * joined by hyphens, as Google's libphonenumber writes RFC 3966 and Sent's API returns it (libphonenumber-js's
 * getURI() runs the digits together).
 */
export function telUriFromInternational(international: string): string {
  const [number = '', extension] = international.trim().split(/\s*ext\.\s*/);
  return `tel:${number.replace(/[^\d+]+/g, '-')}${extension ? `;ext=${extension}` : ''}`;
}

/** Does the text look like a tel URI ("tel:…", any case)? */
export const isTelUri = (text: string): boolean => /^\s*tel:/i.test(text);

// Digits with RFC 3966's visual separators (- . ( )), and spaces, which people leave in when they paste.
const DIGITS = /^[\d\-.() ]*\d[\d\-.() ]*$/;

/**
 * The number a tel URI names, as digits for a phone parser: "tel:+1-202-204-9715;ext=12" → "+12022049715".
 * Parameters are dropped (a contact is the line, not an extension), except a phone-context that is a global
 * number: a local number is dialled within it, as libphonenumber reads it ("tel:555-0100;phone-context=+1-202"
 * → "+12025550100"). A local number without one comes back as digits, for the caller's default region.
 * Null when the URI holds no phone number.
 */
export function numberFromTelUri(uri: string): string | null {
  const [number = '', ...params] = uri.trim().replace(/^tel:/i, '').split(';');
  const digitsOf = (text: string) => (DIGITS.test(text) ? text.replace(/\D/g, '') : null);
  if (number.startsWith('+')) {
    const digits = digitsOf(number.slice(1));
    return digits === null ? null : `+${digits}`;
  }
  const local = digitsOf(number);
  if (local === null) return null;
  const context = params.find((param) => /^phone-context=/i.test(param))?.slice('phone-context='.length);
  if (!context?.startsWith('+')) return local;
  const prefix = digitsOf(context.slice(1));
  return prefix === null ? null : `+${prefix}${local}`;
}
