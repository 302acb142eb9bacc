import { setPrivacy, usePrivacy } from './privacy';

/** Top-bar switch: masks the middle digits of every number on screen (for screen sharing). */
export function PrivacyToggle() {
  const on = usePrivacy();
  return (
    <button
      type="button"
      className={on ? 'btn btn-small privacy-toggle privacy-on' : 'btn btn-small privacy-toggle'}
      aria-pressed={on}
      title="Hide the middle digits of phone numbers, for screen sharing"
      onClick={() => setPrivacy(!on)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" className="privacy-icon">
        <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z" />
        <circle cx="12" cy="12" r="3" />
        {on ? <path d="M3 3l18 18" /> : null}
      </svg>
      Privacy
    </button>
  );
}
