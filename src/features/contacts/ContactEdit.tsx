import { useCallback, useState } from 'react';
import { Toast } from '../../components/Toast';
import { useDisabledUntilHydrated } from '../../components/useDisabledUntilHydrated';
import { channelLabel } from '../../lib/channels';
import { useApiCapabilities } from '../../queries/capabilities';
import type { Channel, Contact } from '../../queries/contacts';
import { type ContactPatch, type EditVariables, inverseOf, useEditContact } from '../../queries/editContact';
import { describeError } from '../../queries/errors';
import type { ProfileId } from '../../queries/keys';
import { channelsOf } from './format';

const UNDO_MS = 6000;

type Notice = { tone: 'info' | 'error'; text: React.ReactNode; undo?: EditVariables } | null;

function summary(patch: ContactPatch, undone: boolean): string {
  if (undone) return 'Change undone.';
  if (patch.opt_out === true) return 'Opted out: this contact will not be messaged.';
  if (patch.opt_out === false) return 'Opt-out removed: this contact can be messaged again.';
  return `Default channel set to ${channelLabel(patch.default_channel ?? '')}.`;
}

function failure(error: unknown): React.ReactNode {
  const facts = describeError(error);
  return (
    <>
      <strong>Not saved, the change was undone.</strong> {facts.message}
      <br />
      <span className="toast-facts">
        Code <code>{facts.code}</code>
        {facts.status > 0 ? ` · HTTP ${facts.status}` : ''} · Request ID <code>{facts.requestId ?? '—'}</code>
      </span>
    </>
  );
}

/**
 * Opt-out and default channel, editable in place: the change shows at once (detail and cached lists), is
 * rolled back with the API's error if refused, and can be undone for a few seconds. Inherited contacts
 * belong to the organization, so a profile sees them read-only with the reason.
 */
export function ContactEditFields({ contact, profileId }: { contact: Contact; profileId: ProfileId }) {
  const edit = useEditContact(profileId);
  const { edits } = useApiCapabilities();
  const needsScript = useDisabledUntilHydrated();
  const [notice, setNotice] = useState<Notice>(null);
  const close = useCallback(() => setNotice(null), []);
  const id = contact.id ?? '';
  const channels = channelsOf(contact).filter((c): c is Channel => c === 'sms' || c === 'whatsapp');

  const send = (variables: EditVariables) => {
    setNotice(null);
    edit.mutate(variables, {
      onSuccess: () =>
        setNotice({
          tone: 'info',
          text: summary(variables.patch, Boolean(variables.isUndo)),
          undo: variables.isUndo
            ? undefined
            : { ...variables, patch: variables.inverse, inverse: variables.patch, isUndo: true },
        }),
      onError: (error) => setNotice({ tone: 'error', text: failure(error) }),
    });
  };
  const change = (patch: ContactPatch) => send({ id, patch, inverse: inverseOf(contact, patch) });

  if (contact.is_inherited || !edits) {
    return (
      <>
        <ReadOnlyFields contact={contact} />
        <p className="edit-readonly" role="note">
          <strong>Read-only.</strong>{' '}
          {!edits
            ? 'Editing the opt-out or default channel needs the v3 API; this account uses the legacy v1 API.'
            : 'This contact is owned by the organization and shared with this profile, so only the organization can change its opt-out or default channel.'}
        </p>
      </>
    );
  }

  const busy = edit.isPending;
  const current = contact.default_channel ?? '';
  return (
    <>
      <div className="field">
        <dt id="default-channel-label">Default channel</dt>
        <dd>
          <select
            className="select edit-select"
            aria-labelledby="default-channel-label"
            value={current}
            disabled={busy || channels.length === 0}
            aria-disabled={needsScript}
            onChange={(event) => change({ default_channel: event.target.value as Channel })}
          >
            {current && !channels.includes(current as Channel) ? (
              <option value={current}>{channelLabel(current)}</option>
            ) : null}
            {current ? null : <option value="">—</option>}
            {channels.map((channel) => (
              <option key={channel} value={channel}>
                {channelLabel(channel)}
              </option>
            ))}
          </select>
          {channels.length === 1 ? (
            <span className="muted edit-hint">Only channel this contact has</span>
          ) : null}
        </dd>
      </div>
      <div className="field">
        <dt id="opt-out-label">Opt-out</dt>
        <dd>
          <button
            type="button"
            role="switch"
            className="switch"
            aria-checked={Boolean(contact.opt_out)}
            // Its name holds the visible text too (WCAG 2.5.3, "label in name"): "Opt-out, Not opted out".
            aria-labelledby="opt-out-label opt-out-text"
            disabled={busy}
            aria-disabled={needsScript}
            onClick={() => change({ opt_out: !contact.opt_out })}
          >
            <span className="switch-track" aria-hidden="true" />
            <span className="switch-text" id="opt-out-text">
              {contact.opt_out ? 'Opted out of all messaging' : 'Not opted out'}
            </span>
          </button>
        </dd>
      </div>
      {notice ? (
        <Toast
          key={String(edit.submittedAt)}
          tone={notice.tone}
          timeoutMs={notice.tone === 'error' ? undefined : UNDO_MS}
          action={
            notice.undo ? { label: 'Undo', onClick: () => notice.undo && send(notice.undo) } : undefined
          }
          onClose={close}
        >
          {notice.text}
        </Toast>
      ) : null}
    </>
  );
}

function ReadOnlyFields({ contact }: { contact: Contact }) {
  return (
    <>
      <div className="field">
        <dt>Default channel</dt>
        <dd>
          <span className="field-value">
            {contact.default_channel ? channelLabel(contact.default_channel) : '—'}
          </span>
        </dd>
      </div>
      <div className="field">
        <dt>Opt-out</dt>
        <dd>
          <span className="field-value">
            {contact.opt_out == null ? '—' : contact.opt_out ? 'Opted out of all messaging' : 'Not opted out'}
          </span>
        </dd>
      </div>
    </>
  );
}
