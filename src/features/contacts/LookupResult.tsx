import { useEffect, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PhoneIcon } from '../../components/icons';
import { usePhoneLookup } from '../../queries/contacts';
import type { ScopeId } from '../../queries/keys';
import { usePhoneMask } from '../privacy/privacy';
import { loadPhoneLib } from './phone';

interface LookupResultProps {
  profileId: ScopeId;
  /** False while the profile in the URL is still being checked: never look up under the wrong scope. */
  ready: boolean;
  phone: string;
  onFound: (id: string) => void;
  onBack: () => void;
}

/** Shows the lookup in progress, or a miss as an answer ("No contact with …"), never as an error. */
export function LookupResult({ profileId, ready, phone, onFound, onBack }: LookupResultProps) {
  const lookup = usePhoneLookup(profileId, phone, ready);
  const [formatted, setPretty] = useState(phone);
  const pretty = usePhoneMask()(formatted);
  useEffect(() => {
    let live = true;
    void loadPhoneLib().then((lib) => live && setPretty(lib.formatE164(phone)));
    return () => {
      live = false;
    };
  }, [phone]);

  const found = lookup.data?.id;
  useEffect(() => {
    if (found) onFound(found);
  }, [found, onFound]);

  const back = (
    <button type="button" className="btn" onClick={onBack}>
      ← Back to all contacts
    </button>
  );

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
    return (
      <EmptyState title={`No contact with ${pretty}`} action={back} icon={<PhoneIcon />}>
        <p>
          Nobody in this account has that number. Check the digits with the caller, or try another default
          region.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="lookup-pending" role="status">
      Looking up {pretty}…
    </div>
  );
}
