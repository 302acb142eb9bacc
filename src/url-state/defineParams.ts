// One way to keep a screen's view state in its URL. A screen lists its parameters as schemas from `param`
// (each falls back on its own, so a hand-edited or stale link never breaks the page) and gets the reader, the
// writer that leaves defaults out, the patch rule (a changed filter goes back to page 1) and the hidden
// fields its plain GET forms carry before the app's JavaScript runs.
import * as v from 'valibot';

/** A URL value's schema: a string (or nothing) in, a value or its fallback out, never an error. */
type Param<T> = v.GenericSchema<string | undefined, T>;
type Entries = Record<string, Param<unknown>>;
export type ParamsOf<E extends Entries> = { [K in keyof E]: v.InferOutput<E[K]> };

const optional = <T>(schema: v.GenericSchema<string, T>): Param<T | undefined> =>
  v.fallback(v.optional(schema), undefined) as Param<T | undefined>;
const number = v.pipe(v.string(), v.transform(Number));

/** The schemas a URL parameter may have. */
export const param = {
  /** Free text: trimmed and capped rather than rejected; '' when absent. */
  text: (max: number): Param<string> =>
    v.fallback(
      v.pipe(
        v.optional(v.string(), ''),
        v.transform((text) => text.trim().slice(0, max)),
      ),
      '',
    ),
  /** Text that must match, else absent. */
  pattern: (regex: RegExp): Param<string | undefined> => optional(v.pipe(v.string(), v.regex(regex))),
  /** One of a list, else absent (or `fallback`). */
  oneOf: <const T extends string>(values: readonly T[], fallback?: T): Param<T | undefined> =>
    v.fallback(v.optional(v.picklist(values)), fallback) as Param<T | undefined>,
  /** A page number from 1. */
  page: (): Param<number> =>
    v.fallback(v.pipe(v.optional(number, '1'), v.integer(), v.minValue(1), v.maxValue(1_000_000)), 1),
  /** One of the page sizes a screen offers. */
  pageSize: <const S extends number>(sizes: readonly S[], fallback: S): Param<S> =>
    v.fallback(
      v.pipe(
        v.optional(number, String(fallback)),
        v.check((n) => sizes.includes(n as S)),
        v.transform((n) => n as S),
      ),
      fallback,
    ),
  /** Any other schema over the raw string, absent when it fails. */
  optional,
};

export interface ParamsOptions<T> {
  /** Parameters whose change sends the list back to page 1 (unless the patch sets the page itself). */
  resetsPage?: (keyof T)[];
  /** Drops values that mean nothing in this combination, before writing (kept out of the URL). */
  tidy?: (params: T) => T;
}

export type Patch<T> = Partial<{ [K in keyof T]: T[K] | undefined }>;

export interface ParamsDefinition<T> {
  keys: readonly (keyof T & string)[];
  defaults: T;
  /** Reads the state; the first occurrence of a key wins (repeated keys never turn into arrays). */
  parse(search: URLSearchParams | string): T;
  /** Writes the state back in the definition's order, defaults left out, so URLs stay short and canonical. */
  serialize(params: T): URLSearchParams;
  /** `?…` for these params, or '' when all are defaults. */
  search(params: T): string;
  /** Applies a change the way people expect (see `resetsPage`); values pass the schema again. */
  patch(current: T, patch: Patch<T>): T;
  /** These params as hidden fields of a GET form that sets `own` itself; the page always starts over. */
  formFields(params: T, ...own: (keyof T)[]): [string, string][];
}

export function defineParams<const E extends Entries>(
  entries: E,
  options: ParamsOptions<ParamsOf<E>> = {},
): ParamsDefinition<ParamsOf<E>> {
  type T = ParamsOf<E>;
  const schema = v.object(entries);
  const keys = Object.keys(entries) as (keyof T & string)[];
  const tidy = options.tidy ?? ((params: T) => params);
  const parse = (search: URLSearchParams | string): T => {
    const params = typeof search === 'string' ? new URLSearchParams(search) : search;
    const raw: Record<string, string> = {};
    for (const key of keys) {
      const value = params.get(key);
      if (value !== null) raw[key] = value;
    }
    return tidy(v.parse(schema, raw) as T);
  };
  const defaults = parse('');
  const serialize = (params: T) => {
    const out = new URLSearchParams();
    const tidied = tidy(params);
    for (const key of keys) {
      const value = tidied[key];
      if (value !== undefined && value !== '' && value !== defaults[key]) out.set(key, String(value));
    }
    return out;
  };
  return {
    keys,
    defaults,
    parse,
    serialize,
    search(params) {
      const text = serialize(params).toString();
      return text ? `?${text}` : '';
    },
    patch(current, patch) {
      const merged = { ...current, ...patch } as T & { page?: number };
      const resetsPage = (options.resetsPage ?? []).some(
        (key) => key in patch && patch[key] !== current[key],
      );
      if (resetsPage && !('page' in patch) && 'page' in merged) merged.page = 1;
      return parse(serialize(merged));
    },
    formFields(params, ...own) {
      return [...serialize(params)].filter(([key]) => key !== 'page' && !own.includes(key as keyof T));
    },
  };
}
