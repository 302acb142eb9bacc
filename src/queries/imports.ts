// Import jobs for the Import screen: the recent list, one job followed while it works, and the actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actOnImport,
  getImport,
  type ImportAction,
  type ImportJob,
  importRowsCsvPath,
  listImports,
  startImport,
} from '../api/imports';
import type { JobStatus } from '../shared/imports';
import { keys } from './keys';

export type { ImportAction, ImportJob };
export { importRowsCsvPath };

/** Statuses in which the gateway is still working through rows: the screen polls them. */
const WORKING: ReadonlySet<JobStatus> = new Set(['running', 'undoing']);
/** About once a second: the job lives in the gateway, so polling it costs no Sent budget. */
export const POLL_MS = 1000;

export const isWorking = (job: ImportJob | undefined) => Boolean(job && WORKING.has(job.status));

export function useImportJobs() {
  return useQuery({
    queryKey: keys.imports(),
    queryFn: ({ signal }) => listImports(signal),
    // Other admins start and finish jobs: ask again whenever the screen opens.
    staleTime: 0,
  });
}

export function useImportJob(id: string) {
  return useQuery({
    queryKey: keys.importJob(id),
    queryFn: ({ signal }) => getImport(id, signal),
    staleTime: 0,
    refetchInterval: (query) => (isWorking(query.state.data) ? POLL_MS : false),
    // Keep counting while the admin looks at another tab: the job does not stop for them.
    refetchIntervalInBackground: true,
  });
}

/** Writes a job the gateway answered with into the cache, so the screen shows it without another GET. */
function useRememberJob() {
  const queryClient = useQueryClient();
  return (job: ImportJob) => {
    queryClient.setQueryData(keys.importJob(job.id), job);
    void queryClient.invalidateQueries({ queryKey: keys.imports(), exact: true });
  };
}

export function useStartImport() {
  const remember = useRememberJob();
  return useMutation({ mutationFn: startImport, onSuccess: remember });
}

export function useImportAction(id: string) {
  const remember = useRememberJob();
  return useMutation({
    mutationFn: (action: ImportAction) => actOnImport(id, action),
    onSuccess: remember,
  });
}
