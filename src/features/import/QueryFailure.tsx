// A failed query of this screen: the API's code, message and request id, and Retry (asks again).
import { ErrorPanel } from '../../components/ErrorPanel';
import { describeError } from '../../queries/errors';

export function QueryFailure(props: {
  title: string;
  query: { error: unknown; isFetching: boolean; refetch: () => unknown };
}) {
  const { query } = props;
  return (
    <ErrorPanel
      title={props.title}
      facts={describeError(query.error)}
      onRetry={() => void query.refetch()}
      retrying={query.isFetching}
    />
  );
}
