// ACCESS_POLICY: which IdP groups may use the console, with which role and on which profiles. Group changes take
// effect at the next sign-in (the resolved access is kept in the session, not the groups).
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { UUID_PATTERN } from '../../../src/shared/contract.ts';
import { ROLES, type Role } from '../../../src/shared/person.ts';
import { ConfigError } from '../config-error.ts';

export { ROLES, type Role };

/** '*' = every profile of the account (and the account's own scope); otherwise these profile ids only. */
export type ProfileGrant = '*' | readonly string[];

export interface Access {
  role: Role;
  profiles: ProfileGrant;
}

export interface Permissions {
  /** Browse and look up contacts and profiles. */
  browse: boolean;
  /** false: numbers are masked; revealing one is allowed but recorded. */
  seeNumbers: boolean;
  /** Opt-out and default channel (PATCH /v3/contacts/{id}). */
  edit: boolean;
  export: boolean;
  /** Add, import and remove contacts (POST / DELETE /v3/contacts). */
  manageContacts: boolean;
  readAudit: boolean;
}

const PERMISSIONS: Record<Role, Permissions> = {
  viewer: {
    browse: true,
    seeNumbers: false,
    edit: false,
    export: false,
    manageContacts: false,
    readAudit: false,
  },
  agent: {
    browse: true,
    seeNumbers: true,
    edit: true,
    export: false,
    manageContacts: false,
    readAudit: false,
  },
  admin: { browse: true, seeNumbers: true, edit: true, export: true, manageContacts: true, readAudit: true },
};

export function permissions(role: Role): Permissions {
  return PERMISSIONS[role];
}

const GrantSchema = v.strictObject(
  {
    role: v.picklist(ROLES, `role must be one of ${ROLES.join(', ')}`),
    profiles: v.union(
      [
        v.literal('*'),
        v.pipe(
          v.array(v.pipe(v.string(), v.regex(UUID_PATTERN, 'each profile must be a profile id (uuid)'))),
          v.minLength(1, 'list at least one profile id, or "*" for all'),
        ),
      ],
      'profiles must be "*" or a list of profile ids (uuids)',
    ),
  },
  'each group needs exactly "role" and "profiles"',
);

const PolicySchema = v.strictObject(
  {
    groups: v.pipe(
      v.record(v.pipe(v.string(), v.nonEmpty('a group name is empty')), GrantSchema),
      v.check((groups) => Object.keys(groups).length > 0, 'name at least one group'),
    ),
  },
  'the file must hold {"groups": {"<group>": {"role": …, "profiles": …}}} and nothing else',
);

export type Policy = v.InferOutput<typeof PolicySchema>;

/** Validates a parsed policy; `source` names where it came from in the error message. */
export function parsePolicy(json: unknown, source: string): Policy {
  const result = v.safeParse(PolicySchema, json);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new ConfigError(`ACCESS_POLICY (${source}) is not valid: ${problems.join('; ')}.`);
}

export function loadPolicy(
  path: string,
  read: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): Policy {
  let text: string;
  try {
    text = read(path);
  } catch (err) {
    throw new ConfigError(`ACCESS_POLICY: cannot read "${path}" (${(err as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`ACCESS_POLICY (${path}) is not valid JSON: ${(err as Error).message}.`);
  }
  return parsePolicy(json, path);
}

/**
 * The access a person with these groups gets: the widest role and the union of profiles over the matching
 * groups (as the policy's owners asked); null when no group matches.
 */
export function resolveAccess(policy: Policy, groups: readonly string[]): Access | null {
  const grants = groups.flatMap((g) => (Object.hasOwn(policy.groups, g) ? [policy.groups[g] as Access] : []));
  if (grants.length === 0) return null;
  const role = grants.reduce<Role>(
    (widest, g) => (ROLES.indexOf(g.role) > ROLES.indexOf(widest) ? g.role : widest),
    'viewer',
  );
  if (grants.some((g) => g.profiles === '*')) return { role, profiles: '*' };
  const ids = new Set(grants.flatMap((g) => g.profiles as readonly string[]).map((id) => id.toLowerCase()));
  return { role, profiles: [...ids] };
}
