import type { UseQueryResult } from '@tanstack/react-query';
import type { NumberFacts } from '../../../queries/numbers';
import { FailurePanel } from '../QueryBody';
import { NumberFactsList, VerdictList } from './NumberFactsList';
import { verdicts } from './reachability';

/**
 * The detail's "Reachability" card: what the contact's number is (Sent's number lookup, asked by the gateway
 * for this contact) and whether each of its channels will get a message there. Its own query: the rest of
 * the detail never waits for it.
 */
export function ReachabilityCard({
  query,
  channels,
}: {
  query: UseQueryResult<NumberFacts>;
  channels: readonly string[];
}) {
  let body: React.ReactNode;
  if (query.data) {
    body = (
      <>
        <NumberFactsList facts={query.data} />
        <VerdictList items={verdicts(query.data, channels)} label="Will a message arrive" />
      </>
    );
  } else if (query.isError) {
    body = (
      <FailurePanel
        title="Could not look the number up"
        error={query.error}
        onRetry={() => query.refetch()}
        retrying={query.isFetching}
      />
    );
  } else {
    body = (
      <div className="reach-skeleton" role="status" aria-label="Looking the number up">
        <span className="bone" />
        <span className="bone" />
        <span className="bone" />
      </div>
    );
  }
  return (
    <section className="card detail-section reachability" aria-labelledby="reachability-title">
      <h2 id="reachability-title">Reachability</h2>
      {body}
    </section>
  );
}
