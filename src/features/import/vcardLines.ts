// The line syntax of vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350 and the 2.1 spec): folded lines joined,
// quoted-printable values (2.1, with "=" soft line breaks) decoded in their charset, each line read as
// [group.]NAME;param;param=value:value. Lenient, as phones and mail programs write it: any line ending,
// bare 2.1 parameters (TEL;CELL;PREF), quoted 4.0 ones (TYPE="cell,voice"). No DOM: runs in the parse worker.

export interface Property {
  /** Upper case, without the group: "TEL". */
  name: string;
  /** Lower case ("item1"), or null. */
  group: string | null;
  /** Parameter names upper case; values as written. A bare 2.1 parameter is a TYPE. */
  params: Map<string, string[]>;
  /** Decoded (quoted-printable) but not unescaped. */
  value: string;
}

/** Cuts at `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Where the value starts: the first ":" outside a quoted parameter value; -1 when there is none. */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

const isQuotedPrintable = (params: Map<string, string[]>) =>
  [...(params.get('ENCODING') ?? []), ...(params.get('TYPE') ?? [])].some(
    (value) => value.toUpperCase() === 'QUOTED-PRINTABLE',
  );

const encoder = new TextEncoder();

/** =XX escapes as bytes, read in the property's charset (UTF-8 unless it says otherwise). */
function decodeQuotedPrintable(text: string, charset: string | undefined): string {
  const bytes: number[] = [];
  let last = 0;
  for (const match of text.matchAll(/=([0-9A-Fa-f]{2})/g)) {
    for (const byte of encoder.encode(text.slice(last, match.index))) bytes.push(byte);
    bytes.push(Number.parseInt(match[1] as string, 16));
    last = match.index + 3;
  }
  for (const byte of encoder.encode(text.slice(last))) bytes.push(byte);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8'); // a charset the browser does not know
  }
  return decoder.decode(new Uint8Array(bytes));
}

export function parseProperty(line: string): Property | null {
  const colon = valueStart(line);
  if (colon <= 0) return null;
  const [head = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = head.lastIndexOf('.');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).trim().toUpperCase();
    // TYPE=work,voice (3.0), TYPE="work,voice" (4.0), TYPE=work;TYPE=voice and a bare WORK (2.1) alike.
    const text = (eq < 0 ? raw : raw.slice(eq + 1)).trim().replace(/^"(.*)"$/, '$1');
    const list = params.get(key) ?? [];
    for (const value of key === 'TYPE' ? text.split(',') : [text]) list.push(value.trim());
    params.set(key, list);
  }
  let value = line.slice(colon + 1);
  if (isQuotedPrintable(params)) value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  return {
    name: head
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    group: dot < 0 ? null : head.slice(0, dot).trim().toLowerCase(),
    params,
    value,
  };
}

/** A text value's escapes (3.0/4.0): "\," "\;" "\n" "\\". */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * The file's logical lines: a line that starts with a space or tab continues the one before (the fold and
 * that one character removed), and a quoted-printable line ending in "=" continues on the next line.
 */
export function* logicalLines(text: string): Generator<string> {
  const lines = text.split(/\r\n|\r|\n/);
  let current: string | null = null;
  for (const line of lines) {
    if (current !== null && (line.startsWith(' ') || line.startsWith('\t'))) {
      current += line.slice(1);
      continue;
    }
    if (
      current?.endsWith('=') &&
      /QUOTED-PRINTABLE/i.test(current.slice(0, Math.max(0, valueStart(current))))
    ) {
      current = current.slice(0, -1) + line;
      continue;
    }
    if (current?.trim()) yield current;
    current = line;
  }
  if (current?.trim()) yield current;
}
