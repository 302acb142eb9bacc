import { useLocation } from 'react-router';
import { HiddenFields } from './HiddenFields';

/**
 * Retry as the submit button of a GET form to this very address: before the app's JavaScript runs (or
 * without it) the browser asks the server for the page again; once it runs, only the failed request is
 * repeated.
 */
export function RetryButton({
  onRetry,
  retrying = false,
  label = 'Retry',
}: {
  onRetry: () => void;
  retrying?: boolean;
  label?: string;
}) {
  const { search } = useLocation();
  return (
    <form
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        onRetry();
      }}
    >
      <HiddenFields fields={[...new URLSearchParams(search)]} />
      <button type="submit" className="btn btn-primary" disabled={retrying}>
        {retrying ? 'Retrying…' : label}
      </button>
    </form>
  );
}
