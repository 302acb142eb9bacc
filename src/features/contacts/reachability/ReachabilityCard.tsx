import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ErrorPanel';
import type { NumberFacts } from '../../../queries/numbers';
import { NumberFactsList, VerdictList } from './NumberFactsList';
import { type Verdict, verdicts } from './reachability';

const OPTED_OUT: Verdict = {
  channel: 'opt-out',
  tone: 'bad',
  text: 'Opted out: nothing is sent to this contact, on any channel, until they opt back in.',
};

/**
 * The detail's "Reachability" card: what the contact's number is (Sent's number lookup, asked by the gateway
 * for this contact) and whether each of its channels will get a message there. Its own query: the rest of
 * the detail never waits for it.
 */
export function ReachabilityCard({
  query,
  channels,
  optedOut,
}: {
  query: UseQueryResult<NumberFacts>;
  channels: readonly string[];
  /** Whatever the line, Sent sends nothing to an opted-out contact: said first. */
  optedOut: boolean;
}) {
  let body: React.ReactNode;
  if (query.data) {
    body = (
      <>
        <NumberFactsList facts={query.data} />
        <VerdictList
          items={[...(optedOut ? [OPTED_OUT] : []), ...verdicts(query.data, channels)]}
          label="Will a message arrive"
        />
      </>
    );
  } else if (query.isError) {
    body = (
      <ErrorPanel
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
