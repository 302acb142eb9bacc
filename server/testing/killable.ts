// A worker's process killed mid-job (SIGKILL), for the lease tests: from kill() on, nothing the worker does
// reaches the job store, the audit trail or the API. Reads find no job (so its pass ends), writes are lost
// (its lease stays as it was until it runs out), entries are never stored, calls are never answered.
import type { ApiCall } from '../imports/host.ts';
import type { Recorder } from '../imports/import-audit.ts';
import type { ImportStore } from '../imports/store.ts';

/** What a dead process's store calls come back with: nothing found, nothing written. */
const NOTHING: Partial<Record<keyof ImportStore, unknown>> = {
  dueRows: [],
  rows: [],
  list: [],
  progress: { recent: 0, lastDoneAt: null },
};

export function killable(parts: { store: ImportStore; recorder: Recorder; api: ApiCall }) {
  let dead = false;
  const store = new Proxy(parts.store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        dead
          ? Promise.resolve(NOTHING[key as keyof ImportStore] ?? null)
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
  const recorder: Recorder = {
    record: async (input) => (dead ? null : parts.recorder?.record(input)),
  };
  const api: ApiCall = async (req, requester) => {
    if (dead) return new Response(null, { status: 499 });
    return parts.api(req, requester);
  };
  return {
    store,
    recorder,
    api,
    kill() {
      dead = true;
    },
  };
}
