// A failed request of this screen: the API's code, message and request id, and Retry.
import { ErrorPanel } from '../../components/ErrorPanel';
import { describeError } from '../../queries/errors';

export function Failure(props: { title: string; error: unknown; onRetry: () => void; retrying?: boolean }) {
  const description = describeError(props.error);
  return (
    <ErrorPanel
      title={props.title}
      message={description.message}
      facts={description}
      onRetry={props.onRetry}
      retrying={props.retrying}
    />
  );
}
