import { useRateLimit } from '../../queries/rateLimit';
import { budgetLine } from './budgetLine';

/** The footer's line: the API budget as the last answer reported it (nothing on the server). */
export function BudgetNote() {
  const rate = useRateLimit();
  if (!rate) return null;
  const { text, low } = budgetLine(rate);
  return <p className={low ? 'rate rate-low' : 'rate'}>{text}</p>;
}
