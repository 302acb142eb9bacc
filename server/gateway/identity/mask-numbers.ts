// Viewers never receive a full number: every number field of an API answer to them is masked here, in the
// gateway, whatever the browser does (the console's Reveal asks for one number, and that is recorded). Same
// masking as the console's privacy mode (src/shared/mask.ts): country code and last two digits stay.
import { maskPhone } from '../../../src/shared/mask.ts';
import { NUMBER_FIELDS } from '../../../src/shared/person.ts';

const FIELDS = new Set<string>(NUMBER_FIELDS);

/** A copy of a parsed JSON body with every number field masked, at any depth (lists, one contact, v1). */
export function maskNumbers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskNumbers);
  if (!value || typeof value !== 'object') return value;
  const fields = value as Record<string, unknown>;
  const code = fields.country_code ?? fields.countryCode;
  const countryCode = typeof code === 'string' ? code : null;
  return Object.fromEntries(
    Object.entries(fields).map(([key, v]) => [
      key,
      FIELDS.has(key) && typeof v === 'string' ? maskPhone(v, countryCode) : maskNumbers(v),
    ]),
  );
}

/** The same response with its JSON body's numbers masked; anything not JSON passes untouched. */
export async function maskResponse(res: Response): Promise<Response> {
  if (!(res.headers.get('content-type') ?? '').includes('json')) return res;
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, res);
  }
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(maskNumbers(body)), { status: res.status, headers });
}
