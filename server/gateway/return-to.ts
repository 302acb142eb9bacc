// Where a browser goes back to after sign-in ("next"): resolved by the WHATWG URL parser, as the browser will
// resolve the Location header, against the console's own address (PUBLIC_URL, or the request's origin for the
// access secret), and accepted only when it stays on that origin. A tab or newline (dropped by the parser),
// backslashes (slashes to it), "//host", "/.//host", encoded or not, all resolve elsewhere and are refused.

/** A same-origin path with its query and fragment, or "/" for anything else. */
export function safeReturnTo(next: unknown, base: string): string {
  if (typeof next !== 'string' || next === '') return '/';
  let own: URL;
  let target: URL;
  try {
    own = new URL(base);
    target = new URL(next, own);
  } catch {
    return '/';
  }
  if (target.origin !== own.origin || target.username || target.password) return '/';
  const path = target.pathname + target.search + target.hash;
  // The path alone goes into Location: it must not read as "//host" (a network-path reference) there.
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
