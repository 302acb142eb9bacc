import { lazy, Suspense } from 'react';
import type { ApiError } from '../../queries/errors';

// Most sessions never see a rejected key, so its screen is a separate chunk.
const AuthProblem = lazy(() => import('./AuthProblem').then((m) => ({ default: m.AuthProblem })));

export function LazyAuthProblem({ error }: { error: ApiError }) {
  return (
    <Suspense fallback={<main className="page" id="main" aria-busy="true" />}>
      <AuthProblem error={error} />
    </Suspense>
  );
}
