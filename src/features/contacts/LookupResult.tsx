import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { loadPhoneLib, phoneLibIfLoaded } from '../../lib/phone';
import { regionName } from '../../lib/regions';
import { usePhoneMask } from '../../prefs/privacy';
import type { ProfileId } from '../../queries/keys';
import { usePhoneLookup } from '../../queries/phoneLookup';
import { ChannelChips } from './ChannelChips';
import { channelsOf } from './format';
import { AddAsContact } from './lookup/AddAsContact';
import { NumberSummary } from './lookup/NumberSummary';
import { ScopeResults } from './lookup/ScopeResults';
import './lookup/lookup.css';
import { ErrorPanel } from '../../components/ErrorPanel';
import type { LookupScope } from './lookupScopes';
import type { ContactNotice } from './manage/notice';

interface LookupResultProps {
  profileId: ProfileId;
  /** False while the profile in the URL is still being checked: never look up for the wrong profile. */
  ready: boolean;
  phone: string;
  /** Look in every one of `scopes` at once ("All my profiles"), not only this profile. */
  everywhere: boolean;
  /** Every profile (and the organization) the person may look in, this one included. */
  scopes: readonly LookupScope[];
  /** "Add as contact" on a miss: people who may add contacts. */
  canAdd: boolean;
  /** Opens the contact found (the browser goes straight there). */
  onFound: (id: string) => void;
  /** Opens a contact just added (or found to exist) with its notice. */
  onOpen: (id: string, notice: ContactNotice) => void;
  detailHref: (id: string) => string;
  /** The list without the lookup. */
  backHref: string;
}

/**
 * Shows the lookup in progress, or a miss as an answer ("No contact with …": what the number is, where else
 * it lives, Add as contact), never as an error. A hit is shown as well as opened: the server renders it (a
 * lookup sent before the app's JavaScript ran, or without it), and the browser then goes on to the contact.
 * "All my profiles" asks every profile at once and lists them all instead.
 */
export function LookupResult(props: LookupResultProps) {
  const { profileId, ready, phone, everywhere, scopes, onFound, detailHref, backHref } = props;
  const lookup = usePhoneLookup(profileId, phone, ready && !everywhere);
  // Formatted at once when the library is here (server rendering and hydration both load it first).
  const [formatted, setPretty] = useState(() => phoneLibIfLoaded()?.formatE164(phone) ?? phone);
  const mask = usePhoneMask();
  const pretty = mask(formatted);
  useEffect(() => {
    let live = true;
    void loadPhoneLib().then((lib) => live && setPretty(lib.formatE164(phone)));
    return () => {
      live = false;
    };
  }, [phone]);

  // Once a contact was added from here, its page opens with a notice (not as a found one).
  const added = useRef(false);
  // "All my profiles" lists this profile's contact with the others (its query shares this one's cache key).
  const found = everywhere ? undefined : lookup.data?.id;
  useEffect(() => {
    if (found && !added.current) onFound(found);
  }, [found, onFound]);
  const onAdded = useCallback(
    (id: string, notice: ContactNotice) => {
      added.current = true;
      props.onOpen(id, notice);
    },
    [props.onOpen],
  );

  const back = (
    <Link className="btn" to={backHref}>
      ← Back to all contacts
    </Link>
  );
  const here =
    scopes.find((s) => s.profileId === profileId)?.name ?? (profileId ? 'this profile' : 'this account');

  if (everywhere) {
    return (
      <div className="lookup-miss">
        <EmptyState title={`${pretty} in all your profiles`} icon={<PhoneIcon />} action={back} />
        <div className="lookup-panels">
          <ScopeResults scopes={scopes} phone={phone} ready={ready} title="Where the number lives" />
          <NumberSummary profileId={profileId} phone={phone} ready={ready} />
        </div>
      </div>
    );
  }
  if (lookup.isError) {
    return (
      <ErrorPanel
        title="Lookup failed"
        error={lookup.error}
        onRetry={() => lookup.refetch()}
        retrying={lookup.isFetching}
      />
    );
  }
  if (lookup.data === null) {
    const others = scopes.filter((s) => s.profileId !== profileId);
    return (
      <div className="lookup-miss">
        <EmptyState
          title={`No contact with ${pretty}`}
          icon={<PhoneIcon />}
          action={
            <div className="lookup-actions">
              {props.canAdd ? <AddAsContact profileId={profileId} phone={phone} onAdded={onAdded} /> : null}
              {back}
            </div>
          }
        >
          <p>
            Nobody in {here} has that number. Check the digits with the caller, or try another default region.
          </p>
        </EmptyState>
        <div className="lookup-panels">
          <NumberSummary profileId={profileId} phone={phone} ready={ready} />
          {others.length ? (
            <ScopeResults scopes={others} phone={phone} ready={ready} title="In your other profiles" />
          ) : null}
        </div>
      </div>
    );
  }
  const contact = lookup.data;
  if (contact?.id) {
    return (
      <EmptyState
        title={mask(contact.format_international ?? formatted, contact.country_code)}
        icon={<PhoneIcon />}
        action={
          <Link className="btn btn-primary" to={detailHref(contact.id)}>
            Open contact
          </Link>
        }
      >
        <p>
          Found in this {profileId ? 'profile' : 'account'}
          {contact.region_code ? `, ${regionName(contact.region_code)}` : ''}
          {contact.opt_out ? ', opted out' : ''}.
        </p>
        <ChannelChips channels={channelsOf(contact)} empty={null} />
      </EmptyState>
    );
  }
  return (
    <div className="lookup-pending" role="status">
      Looking up {pretty}…
    </div>
  );
}

// Lives here, not in components/icons, so it ships in this lazy chunk rather than the initial bundle.
function PhoneIcon() {
  return (
    <svg viewBox="0 0 24 24" width={22} height={22} fill="currentColor" aria-hidden="true">
      <path d="M6.6 2.5 9.3 5.2a1.5 1.5 0 0 1 .1 2L8 9a12 12 0 0 0 7 7l1.8-1.4a1.5 1.5 0 0 1 2 .1l2.7 2.7a1.5 1.5 0 0 1 0 2.1l-1.4 1.4c-.9.9-2.3 1.2-3.5.7A19 19 0 0 1 2.4 7.3c-.5-1.2-.2-2.6.7-3.5l1.4-1.4a1.5 1.5 0 0 1 2.1.1Z" />
    </svg>
  );
}
