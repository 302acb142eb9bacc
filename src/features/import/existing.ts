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

/**
 * Every E.164 number of the profile. Page 1 has been read already (it gave the plan); the rest are read
 * one after another, paced by the team's budget and waiting when the gateway sets them aside.
 */
export async function readExistingNumbers(
  fetchPage: FetchPage,
  firstPage: Awaited<ReturnType<FetchPage>>,
  plan: ExistingPlan,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (progress: ExistingProgress) => void },
): Promise<Set<string>> {
  const numbers = new Set<string>();
  const add = (page: Awaited<ReturnType<FetchPage>>) => {
    for (const contact of page.contacts) {
      const e164 = contact.format_e164 ?? contact.phone_number;
      if (e164) numbers.add(e164);
    }
  };
  add(firstPage);
  onProgress({ pagesDone: 1, pages: plan.pages });
  const pacer = new RequestPacer({ sleep: abortableSleep, now: Date.now, rateLimit: getRateLimit });
  for (let page = 2; page <= plan.pages; page++) {
    add(await pacer.call((s) => fetchPage(page, EXISTING_PAGE_SIZE, s), signal));
    onProgress({ pagesDone: page, pages: plan.pages });
  }
  return numbers;
}
