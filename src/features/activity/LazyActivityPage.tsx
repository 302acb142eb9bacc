// The Activity screen is its own chunk: only admins open it, so nobody else downloads it.
import { lazy } from 'react';

export const LazyActivityPage = lazy(() =>
  import('./ActivityPage').then((m) => ({ default: m.ActivityPage })),
);
