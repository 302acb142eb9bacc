import { expect, it } from 'vitest';
import { estimateImport, formatDuration } from './estimate';

it('estimates at 70% of the team budget, or of the default while it is unknown', () => {
  expect(estimateImport(1050, 150)).toEqual({ seconds: 600, perMin: 105, budget: 150, assumed: false });
  expect(estimateImport(105, null)).toMatchObject({ seconds: 60, perMin: 105, assumed: true });
  expect(estimateImport(0, 200)).toMatchObject({ seconds: 0, perMin: 140 });
});

it('says durations in words', () => {
  expect([0, 59, 60, 89, 90, 3599, 3600, 12_000].map(formatDuration)).toEqual([
    'under a minute',
    'under a minute',
    'about 1 min',
    'about 1 min',
    'about 2 min',
    'about 1 h',
    'about 1 h',
    'about 3 h 20 min',
  ]);
});
