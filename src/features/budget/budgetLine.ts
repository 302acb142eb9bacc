// The footer's words for the API budget the last answer reported. Through the gateway (a team budget) two
// different things are true at once: what the last 60 s leave of the share, and how many may go right now
// (the burst) before requests start to wait; one number for both was the footer's old mistake (issue 21).
import type { RateLimit } from '../../queries/rateLimit';

/** What the gateway says of the team's budget (X-RateLimit-Mode), after the figures. */
const MODE_NOTES = {
  local: '',
  redis: ' · shared by every gateway',
  'local-fallback': " · this gateway's part (shared state unreachable)",
} as const;

const count = (n: number) => n.toLocaleString('en');

export function budgetLine(rate: RateLimit): { text: string; low: boolean } {
  if (rate.mode === null || rate.windowRemaining === null) {
    // A bare API's own bucket: what may go at once, and its sustained rate.
    return {
      text: `API budget: ${count(rate.remaining)} requests may go at once (${count(rate.limit)} a minute)`,
      low: rate.remaining < rate.limit * 0.1,
    };
  }
  const now =
    rate.remaining > 0
      ? `${count(rate.remaining)} can go at once, then requests wait`
      : 'requests wait for the budget now';
  return {
    text:
      `Team API budget: ${count(rate.windowRemaining)}/${count(rate.limit)} requests left in the last 60 s · ` +
      `${now}${MODE_NOTES[rate.mode]}`,
    low: rate.remaining === 0 || rate.windowRemaining < rate.limit * 0.1,
  };
}
