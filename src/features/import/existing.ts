// "Already in the profile" before sending. Sent has no bulk lookup, so the only way to know is to read the
// profile's whole contact list, page by page, as background work. That is worth it only when it costs
// fewer requests than the import itself would send; otherwise those rows are simply counted as
// "already existed" while the import runs (the API answers 409 for them).
import type { FetchPage } from '../../queries/exportPages';
import { abortableSleep, RequestPacer } from '../../queries/pacing';
import { getRateLimit } from '../../queries/rateLimit';

/** Page size of the read: the most Sent's list serves per page. */
export const EXISTING_PAGE_SIZE = 100;

export interface ExistingPlan {
  /** Contacts the profile has now (the first page's total_count). */
  total: number;
  /** Pages a full read takes. */
  pages: number;
  /** Requests the import would send (its ready rows). */
  sends: number;
  /** Read the list first (cheaper than the import), or leave it to the import. */
  read: boolean;
}

export function planExistingCheck(total: number, sends: number): ExistingPlan {
  const pages = Math.ceil(total / EXISTING_PAGE_SIZE);
  return { total, pages, sends, read: pages < sends };
}

export interface ExistingProgress {
  pagesDone: number;
  pages: number;
}

export interface ExistingCheck {
  plan: ExistingPlan;
  /** The profile's E.164 numbers; null when the plan was not to read them. */
  numbers: Set<string> | null;
}

/**
 * Page 1 gives the profile's size and so the plan; when reading is worth it, the other pages follow one
 * after another, paced by the team's budget and waiting whenever the gateway sets them aside.
 */
export async function checkExisting(
  fetchPage: FetchPage,
  sends: number,
  {
    signal,
    onPlan,
    onProgress,
  }: {
    signal: AbortSignal;
    onPlan: (plan: ExistingPlan) => void;
    onProgress: (progress: ExistingProgress) => void;
  },
): Promise<ExistingCheck> {
  const pacer = new RequestPacer({ sleep: abortableSleep, now: Date.now, rateLimit: getRateLimit });
  const read = (page: number) => pacer.call((s) => fetchPage(page, EXISTING_PAGE_SIZE, s), signal);
  const first = await read(1);
  const plan = planExistingCheck(first.pagination.total_count, sends);
  onPlan(plan);
  if (!plan.read) return { plan, numbers: null };
  const numbers = new Set<string>();
  for (let page = 1; page <= plan.pages; page++) {
    const { contacts } = page === 1 ? first : await read(page);
    for (const contact of contacts) {
      const e164 = contact.format_e164 ?? contact.phone_number;
      if (e164) numbers.add(e164);
    }
    onProgress({ pagesDone: page, pages: plan.pages });
  }
  return { plan, numbers };
}
