// The signed-in person: the one type every middleware reads from `c.get('person')` (GatewayEnv in env.ts). Set
// by requirePerson in OIDC mode; absent with no sign-in (loopback demo) or the shared access secret. The team
// budget keys fairness on `sub`, the audit trail records who did what from it.
import type { SignedInPerson } from '../../../src/shared/person.ts';
import { permissions, type Role } from './policy.ts';

/** Who is signed in, with the access resolved from their groups at sign-in. */
export interface Person {
  /** The provider's stable subject id. */
  sub: string;
  name: string;
  email: string | null;
  role: Role;
  profiles: '*' | readonly string[];
}

/** GET /__me's data: the person, or null without staff sign-in. */
export function meData(person: Person | undefined): { person: SignedInPerson | null } {
  return { person: person ? personView(person) : null };
}

/** What the browser is told (GET /__me): enough to say who is signed in and hide what the role cannot do. */
export function personView(person: Person): SignedInPerson {
  const may = permissions(person.role);
  return {
    name: person.name,
    email: person.email,
    role: person.role,
    profiles: person.profiles,
    can: {
      seeNumbers: may.seeNumbers,
      edit: may.edit,
      export: may.export,
      readAudit: may.readAudit,
      manageContacts: may.manageContacts,
    },
  };
}
