// How the Import screens name things: a job's status, times, its address, a profile.
import type { BadgeTone } from '../../components/Badge';
import type { ImportJob } from '../../queries/imports';
import type { ProfileSelection } from '../../queries/profileSelection';
import type { JobStatus } from '../../shared/imports';
import { profileOnlySearch } from '../../url-state/useListParams';

export const JOB_STATUS: Record<JobStatus, [label: string, tone: BadgeTone]> = {
  running: ['Importing', 'info'],
  paused: ['Paused', 'warning'],
  cancelled: ['Cancelled', 'neutral'],
  done: ['Done', 'success'],
  undoing: ['Removing what it created', 'info'],
  undone: ['Created contacts removed', 'neutral'],
};

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
export const formatWhen = (iso: string | null) => (iso ? when.format(new Date(iso)) : '—');
/** A job's own address, with its profile (so the switcher shows whose contacts it added). */
export const jobPath = (job: Pick<ImportJob, 'id' | 'profile_id'>) =>
  `/import/${encodeURIComponent(job.id)}${profileOnlySearch(job.profile_id ?? undefined)}`;

/** A profile by name (null: the account itself); its id when the account does not list it. */
export function profileLabel(selection: ProfileSelection, profileId: string | null): string {
  if (profileId === null) return selection.account?.name ?? 'the account itself';
  return selection.profiles.find((p) => p.id === profileId)?.name ?? profileId;
}
