// How long an import will take at the team's budget, and durations in words.

/** Background work (an import) gets at most about this share of the team's budget: people go first. */
export const BACKGROUND_SHARE = 0.7;
/** The gateway's default budget (SENT_BUDGET_PER_MIN), until a response has said what it is. */
export const DEFAULT_BUDGET_PER_MIN = 150;

export interface ImportEstimate {
  seconds: number;
  /** Requests a minute the import can expect. */
  perMin: number;
  /** The team's budget a minute it was worked out from. */
  budget: number;
  /** No response has reported the budget yet: the default was assumed. */
  assumed: boolean;
}

/** One request per row sent, at the background share of the budget. */
export function estimateImport(sends: number, budgetPerMin: number | null): ImportEstimate {
  const budget = budgetPerMin && budgetPerMin > 0 ? budgetPerMin : DEFAULT_BUDGET_PER_MIN;
  const perMin = Math.max(1, Math.floor(budget * BACKGROUND_SHARE));
  return { seconds: Math.ceil((sends / perMin) * 60), perMin, budget, assumed: !budgetPerMin };
}

/** "under a minute", "about 12 min", "about 3 h 20 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return 'under a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const rest = minutes % 60;
  return `about ${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

export const count = (n: number) => n.toLocaleString('en');
