import { useHydrated } from '../../components/useHydrated';
import { formatDate } from './format';

/**
 * A date in the browser's time zone. The server cannot know that zone, so server-rendered HTML (and the
 * hydrating render that must match it) shows UTC, and the next commit switches to local time.
 */
export function LocalDate({
  value,
  withTime = false,
}: {
  value: string | null | undefined;
  withTime?: boolean;
}) {
  const hydrated = useHydrated();
  return <>{formatDate(value, withTime, hydrated ? undefined : 'UTC')}</>;
}
