// How long sessions last and how often a signed-in person's groups are asked again, for either sign-in
// method. Pure: env in, settings or ConfigError naming the setting out.
import * as v from 'valibot';
import { ConfigError } from '../config-error.ts';

export interface SessionSettings {
  /** Ends after this long without a request. */
  idleMs: number;
  /** Ends this long after sign-in, however active. */
  absoluteMs: number;
  /** OIDC: the provider is asked again (refresh token or userinfo) once a session's check is this old. */
  recheckMs: number;
}

const minutes = (name: string, fallback: string) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.regex(/^[1-9]\d{0,5}$/, `${name} must be a whole number of minutes (1 or more)`),
    v.transform((raw) => Number(raw) * 60_000),
  );

const SessionEnv = v.object({
  SESSION_IDLE_MINUTES: minutes('SESSION_IDLE_MINUTES', '30'),
  SESSION_MAX_MINUTES: minutes('SESSION_MAX_MINUTES', '720'),
  SESSION_RECHECK_MINUTES: minutes('SESSION_RECHECK_MINUTES', '15'),
});

export function parseSessionSettings(env: NodeJS.ProcessEnv): SessionSettings {
  const input = Object.fromEntries(
    Object.keys(SessionEnv.entries).map((name) => [name, env[name]?.trim() || undefined]),
  );
  const result = v.safeParse(SessionEnv, input);
  if (!result.success) {
    throw new ConfigError(`${[...new Set(result.issues.map((issue) => issue.message))].join('; ')}.`);
  }
  const e = result.output;
  if (e.SESSION_IDLE_MINUTES > e.SESSION_MAX_MINUTES) {
    throw new ConfigError('SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_MINUTES.');
  }
  return {
    idleMs: e.SESSION_IDLE_MINUTES,
    absoluteMs: e.SESSION_MAX_MINUTES,
    recheckMs: e.SESSION_RECHECK_MINUTES,
  };
}
