// The person filter: entries are filtered by one person's id (what the trail's index serves), chosen from the
// people who appear in the trail. Typing suggests them (name, id, role); a name typed and applied as it is
// gets PersonChoice's list to pick from.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type AuditPerson, useAuditPeople } from '../../queries/activity';
import { type ActivityParams, activitySearch } from './activityParams';

const SUGGEST_AFTER_MS = 250;

const personLabel = (person: AuditPerson) =>
  [person.name ?? person.id, person.role, person.kind === 'session' ? 'not signed in' : null]
    .filter(Boolean)
    .join(' · ');

/** The text once it has stopped changing for a moment (one people lookup per pause, not per key). */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SUGGEST_AFTER_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

export function PersonField({ id, initial }: { id: string; initial: string }) {
  const [draft, setDraft] = useState(initial);
  const people = useAuditPeople(useSettled(draft.trim()));
  return (
    <label className="activity-field" htmlFor={id}>
      <span>Person</span>
      <input
        id={id}
        className="input"
        name="actor"
        list={`${id}-people`}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        placeholder="Name or id"
        autoComplete="off"
      />
      <datalist id={`${id}-people`}>
        {(people.data ?? []).map((person) => (
          <option key={person.id} value={person.id} label={personLabel(person)} />
        ))}
      </datalist>
    </label>
  );
}

/** The people a person filter that is nobody's id could mean (null while asking, or when it is an id). */
export function usePersonChoices(actor: string | undefined): AuditPerson[] | null {
  const people = useAuditPeople(actor ?? '');
  if (!actor || !people.data || people.data.some((person) => person.id === actor)) return null;
  return people.data;
}

/** A name typed and applied as it is: the people it could mean, as links. */
export function PersonChoice({ params, people }: { params: ActivityParams; people: AuditPerson[] }) {
  const actor = params.filters.actor ?? '';
  const href = (person: AuditPerson) =>
    `/activity${activitySearch({ ...params, filters: { ...params.filters, actor: person.id }, cursor: null })}`;
  return (
    <div className="activity-choice">
      <h2>Which person?</h2>
      {people.length ? (
        <>
          <p>Activity is shown for one person at a time. People whose name or id contains “{actor}”:</p>
          <ul>
            {people.map((person) => (
              <li key={person.id}>
                <Link to={href(person)}>{personLabel(person)}</Link>{' '}
                <span className="muted">{person.id}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nobody in the trail has a name or id containing “{actor}”.</p>
      )}
    </div>
  );
}
