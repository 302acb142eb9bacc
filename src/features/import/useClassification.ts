// The verdicts the screen shows. The check's own pass serves until the profile's numbers arrive; then all
// rows are classified again, time-sliced like the check (100,000 rows must not hold the page). After a fix
// or a drop (a click, one pass at once) the verdicts are made afresh.
import { useEffect, useMemo, useState } from 'react';
import { type CheckedRow, type Classification, Classifier, classify, type SourceNaming } from './check';
import { forEachSliced } from './slices';

interface Sliced {
  rows: readonly CheckedRow[];
  known: ReadonlySet<string>;
  result: Classification;
}

export function useClassification(
  rows: readonly CheckedRow[] | null,
  firstPass: Classification | null,
  known: ReadonlySet<string> | null,
  naming: SourceNaming,
): Classification | null {
  const [sliced, setSliced] = useState<Sliced | null>(null);
  useEffect(() => {
    // Only for rows as the check left them: after a fix, the memo below classifies at once.
    if (!rows || !known || !firstPass) return;
    const controller = new AbortController();
    const classifier = new Classifier(known, naming);
    forEachSliced(rows.length, (i) => classifier.add(rows[i] as CheckedRow), {
      signal: controller.signal,
    }).then(
      () => setSliced({ rows, known, result: classifier.result() }),
      () => {},
    );
    return () => controller.abort();
  }, [rows, firstPass, known, naming]);

  return useMemo(() => {
    if (!rows) return null;
    if (!known) return firstPass ?? classify(rows, null, naming);
    if (sliced?.rows === rows && sliced.known === known) return sliced.result;
    // The sliced pass is on its way: the check's verdicts meanwhile.
    return firstPass ?? classify(rows, known, naming);
  }, [rows, firstPass, known, naming, sliced]);
}
