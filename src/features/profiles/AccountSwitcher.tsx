import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { HiddenFields } from '../../components/HiddenFields';
import { useApiCapabilities } from '../../queries/capabilities';
import { keys } from '../../queries/keys';
import { usePersonProfiles } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { applyPatch, formFields, parseListParams, serializeListParams } from '../../url-state/listParams';

const ORG_VALUE = '';

/**
 * Organization keys pick the organization itself or one of its profiles; profile and user keys just see
 * whose data this is. The choice lives in the URL (`?profile=`), so it survives reloads and links. The
 * switcher is a plain GET form to the list with a button, so it works before the app's JavaScript runs;
 * once it does, picking a profile is enough (the button is hidden, see .until-ready).
 */
export function AccountSwitcher({ selection }: { selection: ProfileSelection }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { profiles: hasProfiles } = useApiCapabilities();
  const { account, profiles, isOrganization, profileId } = selection;
  // A person limited to some profiles may not act for the organization itself (the gateway refuses it).
  const mayUseOrganization = usePersonProfiles() === '*';

  if (selection.authError || !hasProfiles) return null;
  if (!account) return <div className="account account-loading" aria-hidden="true" />;
  if (!isOrganization || profiles.length === 0) {
    return (
      <div className="account">
        <span className="account-kind">{account.type === 'profile' ? 'Profile' : 'Account'}</span>
        <span className="account-name">{account.name}</span>
      </div>
    );
  }

  const onList = location.pathname === '/';
  const current = onList ? parseListParams(location.search) : parseListParams('');
  const choose = (value: string) => {
    const next = value || undefined;
    if ((next ?? null) === profileId) return;
    // Whatever the old profile still has in flight is cancelled; its keys carry its id, so even a response
    // that slips through lands in the old profile's cache and never on screen.
    void queryClient.cancelQueries({ queryKey: keys.profile(profileId) });
    const search = serializeListParams(applyPatch(current, { profile: next })).toString();
    navigate({ pathname: '/', search: search ? `?${search}` : '' });
  };

  return (
    <form
      className="account account-switch"
      method="get"
      action="/"
      onSubmit={(event) => event.preventDefault()}
    >
      <HiddenFields fields={formFields(current, 'profile')} />
      <label className="account">
        <span className="account-kind">Profile</span>
        <select
          name="profile"
          className="select"
          aria-label="Profile"
          value={profileId ?? ORG_VALUE}
          onChange={(event) => choose(event.target.value)}
        >
          {mayUseOrganization ? (
            <optgroup label="Organization">
              <option value={ORG_VALUE}>{account.name}</option>
            </optgroup>
          ) : null}
          <optgroup label="Profiles">
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <button type="submit" className="btn btn-small until-ready">
        Switch
      </button>
    </form>
  );
}
