/** A thin indeterminate bar for background fetches, so stale data is never mistaken for final data. */
export function ProgressBar({ active }: { active: boolean }) {
  return (
    <div
      className={active ? 'progress progress-active' : 'progress'}
      role="progressbar"
      aria-label="Loading"
      aria-hidden={!active}
      aria-busy={active}
    />
  );
}
