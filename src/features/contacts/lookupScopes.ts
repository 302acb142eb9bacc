// Where a person may look a number up: the organization itself (when they may use it) and the profiles the
// gateway listed for them (only theirs). Used by the lookup's "All my profiles" and "where the number lives".
import type { ProfileId } from '../../queries/keys';
import type { ProfileSelection } from '../../queries/profileSelection';

export interface LookupScope {
  profileId: ProfileId;
  name: string;
}

export function lookupScopes(selection: ProfileSelection, mayUseOrganization: boolean): LookupScope[] {
  if (!selection.isOrganization) return [];
  const own = mayUseOrganization
    ? [{ profileId: null, name: selection.account?.name ?? 'The organization' }]
    : [];
  const profiles = selection.profiles.flatMap((p) =>
    p.id ? [{ profileId: p.id, name: p.name ?? p.id }] : [],
  );
  return [...own, ...profiles];
}
