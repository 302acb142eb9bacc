interface RangeSummaryProps {
  page: number;
  pageSize: number;
  total: number;
  noun: [singular: string, plural: string];
}

const fmt = (n: number) => n.toLocaleString('en');

/** "21–40 of 150 contacts". */
export function RangeSummary({ page, pageSize, total, noun }: RangeSummaryProps) {
  const word = total === 1 ? noun[0] : noun[1];
  if (total === 0) return <p className="range">0 {word}</p>;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return (
    <p className="range" aria-live="polite">
      {from > total ? `${fmt(total)} ${word}` : `${fmt(from)}–${fmt(to)} of ${fmt(total)} ${word}`}
    </p>
  );
}
