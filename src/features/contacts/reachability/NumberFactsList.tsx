import type { NumberFacts } from '../../../queries/numbers';
import './reachability.css';
import { lineTypeLabel, networkCode, type Verdict } from './reachability';

const yesNo = (value: boolean | null | undefined) => (value == null ? '—' : value ? 'Yes' : 'No');

/** Line type, carrier (with its MCC/MNC), ported, VoIP: what Sent's number lookup said. */
export function NumberFactsList({ facts }: { facts: NumberFacts }) {
  const code = networkCode(facts);
  return (
    <dl className="fields number-facts">
      <div className="field">
        <dt>Line type</dt>
        <dd>{lineTypeLabel(facts.line_type)}</dd>
      </div>
      <div className="field">
        <dt>Carrier</dt>
        <dd>
          <span>
            {facts.carrier_name ?? <span className="muted">Not known</span>}
            {code ? <span className="muted network-code">{code}</span> : null}
          </span>
        </dd>
      </div>
      <div className="field">
        <dt>Ported</dt>
        <dd>{yesNo(facts.is_ported)}</dd>
      </div>
      <div className="field">
        <dt>VoIP</dt>
        <dd>{yesNo(facts.is_voip)}</dd>
      </div>
    </dl>
  );
}

const MARKS = { ok: '✓', warn: '!', bad: '✕' } as const;

/** One line per channel: will a message get there. */
export function VerdictList({ items, label }: { items: Verdict[]; label: string }) {
  return (
    <ul className="verdicts" aria-label={label}>
      {items.map((v) => (
        <li key={v.channel} className={`verdict verdict-${v.tone}`}>
          <span className="verdict-mark" aria-hidden="true">
            {MARKS[v.tone]}
          </span>
          <span>{v.text}</span>
        </li>
      ))}
    </ul>
  );
}
