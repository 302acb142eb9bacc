// The Activity screen's questions for bench:audit-scale: every filter and the combinations it offers, each
// asked REPS times with different values (another person, day, contact…), timed as the screen pays for them:
// `store.query` (page of 50 + its count + the older/newer probes), and for a name fragment the people lookup
// first.
import type { Action } from '../audit/entry.ts';
import {
  type AuditFilter,
  type AuditStore,
  type AuditVisibility,
  COUNT_CAP,
  type Cursor,
} from '../audit/store.ts';
import { type Contact, PROFILES, people, random } from './audit-scale-data.ts';
import { ms, percentile } from './stats.ts';

const DAY = 24 * 60 * 60 * 1000;
const PAGE = 50;

export interface Span {
  startMs: number;
  endMs: number;
}

interface Question {
  name: string;
  /** The i-th variant of the question. */
  ask: (i: number) => Promise<{ total: number; exact: boolean }>;
}

function questions(
  store: AuditStore,
  span: Span,
  contacts: Contact[],
  visible: AuditVisibility | undefined,
): Question[] {
  const next = random(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const person = () => pick(people).id;
  const dayStart = () => span.startMs + Math.floor(next() * ((span.endMs - span.startMs) / DAY - 1)) * DAY;
  const day = () => {
    const from = dayStart();
    return { from: new Date(from).toISOString(), to: new Date(from + DAY).toISOString() };
  };
  const month = () => ({
    from: new Date(span.endMs - 30 * DAY).toISOString(),
    to: new Date(span.endMs).toISOString(),
  });
  const lastTwo = () => String(Math.floor(next() * 100)).padStart(2, '0');
  const somewhere = (): Cursor => {
    const at = span.startMs + Math.floor(next() * (span.endMs - span.startMs));
    return { at: new Date(at).toISOString(), seq: Number.MAX_SAFE_INTEGER };
  };
  const page = async (filter: AuditFilter, cursor: { before?: Cursor; after?: Cursor } = {}) => {
    const result = await store.query({ ...filter, visible }, { pageSize: PAGE, ...cursor });
    return { total: result.total, exact: result.totalExact };
  };
  const action = (a: Action) => ({ actions: [a] });
  return [
    { name: 'newest entries, no filter', ask: () => page({}) },
    { name: 'one person (chosen by id)', ask: () => page({ actor: person() }) },
    {
      name: 'a name fragment → people → their entries',
      ask: async () => {
        const [first] = await store.people(pick(people).name.split(' ')[0]?.slice(0, 3) ?? 'a', 20, visible);
        return page({ actor: first?.id ?? 'nobody' });
      },
    },
    { name: 'one action (lookups, 40 %)', ask: () => page(action('lookup')) },
    { name: 'one action (imports, 1 %)', ask: () => page(action('contacts.import')) },
    {
      name: 'two actions (edits, removals)',
      ask: () => page({ actions: ['contact.edit', 'contact.remove'] }),
    },
    { name: "a number's last two digits", ask: () => page({ number: { lastTwo: lastTwo() } }) },
    { name: 'one contact', ask: () => page({ contactId: pick(contacts).id }) },
    { name: 'one exact number', ask: () => page({ number: { hash: pick(contacts).hash } }) },
    { name: 'one day', ask: () => page(day()) },
    { name: 'one profile, last 30 days', ask: () => page({ profileId: pick(PROFILES), ...month() }) },
    { name: 'person + action (edits)', ask: () => page({ actor: person(), ...action('contact.edit') }) },
    { name: 'person + one day', ask: () => page({ actor: person(), ...day() }) },
    { name: 'person + last 30 days', ask: () => page({ actor: person(), ...month() }) },
    { name: 'action + one day', ask: () => page({ ...action('lookup'), ...day() }) },
    {
      name: 'action + last digits',
      ask: () => page({ ...action('number.reveal'), number: { lastTwo: lastTwo() } }),
    },
    { name: 'person + last digits', ask: () => page({ actor: person(), number: { lastTwo: lastTwo() } }) },
    { name: 'older page, anywhere in the year', ask: () => page({}, { before: somewhere() }) },
    { name: 'newer page, anywhere in the year', ask: () => page({}, { after: somewhere() }) },
    { name: 'person, older page anywhere', ask: () => page({ actor: person() }, { before: somewhere() }) },
  ];
}

const countLabel = (totals: { total: number; exact: boolean }[]) => {
  const capped = totals.filter((t) => !t.exact).length;
  const exact = totals.filter((t) => t.exact).map((t) => t.total);
  const median = exact.length ? percentile(exact, 50).toLocaleString('en') : '';
  if (capped === totals.length) return `more than ${COUNT_CAP.toLocaleString('en')}`;
  return capped ? `${median} (median; ${capped}/${totals.length} capped)` : `${median} (median)`;
};

/** [question, p50, p95, max, count shown] per question. */
export async function measureQueries(
  store: AuditStore,
  span: Span,
  contacts: Contact[],
  reps: number,
  /** Asked as an admin who sees only these profiles (the gateway's grant); absent: an admin of all. */
  visible?: AuditVisibility,
): Promise<string[][]> {
  const rows: string[][] = [];
  for (const question of questions(store, span, contacts, visible)) {
    await question.ask(-1); // warm-up
    const samples: number[] = [];
    const totals: { total: number; exact: boolean }[] = [];
    for (let i = 0; i < reps; i++) {
      const started = performance.now();
      totals.push(await question.ask(i));
      samples.push(performance.now() - started);
    }
    rows.push([question.name, ...[50, 95, 100].map((p) => ms(percentile(samples, p))), countLabel(totals)]);
  }
  return rows;
}
