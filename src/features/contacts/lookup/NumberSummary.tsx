import { describeError } from '../../../queries/errors';
import type { ProfileId } from '../../../queries/keys';
import { useNumberFacts } from '../../../queries/numbers';
import { NumberFactsList, VerdictList } from '../reachability/NumberFactsList';
import { verdicts } from '../reachability/reachability';

/** What a number nobody has is (Sent's number lookup), and whether an SMS would reach it. */
export function NumberSummary({
  profileId,
  phone,
  ready,
}: {
  profileId: ProfileId;
  phone: string;
  ready: boolean;
}) {
  const facts = useNumberFacts(profileId, phone, ready);
  let body: React.ReactNode;
  if (facts.data) {
    body = (
      <>
        <NumberFactsList facts={facts.data} />
        <VerdictList items={verdicts(facts.data, ['sms'])} label="Would a text arrive" />
      </>
    );
  } else if (facts.isError) {
    const error = describeError(facts.error);
    body = (
      <p className="scope-error" role="alert">
        Could not look it up: {error.code} ({error.message})
        {error.requestId ? `, request ${error.requestId}` : ''}.{' '}
        <button type="button" className="btn btn-small" onClick={() => facts.refetch()}>
          Retry
        </button>
      </p>
    );
  } else {
    body = (
      <div className="reach-skeleton" role="status" aria-label="Looking the number up">
        <span className="bone" />
        <span className="bone" />
      </div>
    );
  }
  return (
    <section className="lookup-panel" aria-labelledby="number-summary-title">
      <h2 id="number-summary-title">What the number is</h2>
      {body}
    </section>
  );
}
