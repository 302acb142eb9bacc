import { useDisabledUntilHydrated } from '../../components/useDisabledUntilHydrated';
import { setPrivacy, usePrivacy } from '../../prefs/privacy';

/** Top-bar switch: masks the middle digits of every number on screen (for screen sharing). */
export function PrivacyToggle() {
  const on = usePrivacy();
  const needsScript = useDisabledUntilHydrated();
  return (
    <button
      type="button"
      className={on ? 'btn btn-small privacy-toggle privacy-on' : 'btn btn-small privacy-toggle'}
      aria-pressed={on}
      aria-disabled={needsScript}
      title="Hide the middle digits of phone numbers, for screen sharing"
      onClick={() => setPrivacy(!on)}
    >
      Privacy
    </button>
  );
}
