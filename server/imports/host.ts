// What contact imports need from the gateway they are mounted in, as small interfaces the gateway implements
// (server/gateway/imports-host.ts): an API call made as background work of the team budget, a person's access,
// who is asking, an audit entry about the request, and refusals in the gateway's envelope. Imports import
// nothing from server/gateway (a dependency-cruiser rule holds them to it).
import type { Context } from 'hono';
import type { RecordInput } from '../audit/recorder.ts';

/** Who an API call is for; the team budget serves `background` work after people's. */
export interface CallFor {
  requester: string;
  priority: 'interactive' | 'background';
}

/**
 * An API call through the gateway's own API routes (allowlist, server key, team budget), each with its own
 * request id and never recorded as a view.
 */
export type ApiCall = (req: Request, requester?: CallFor) => Promise<Response>;

/** Why an import request is refused; the gateway answers each with its own code and status. */
export type Refusal = 'invalid' | 'not-found' | 'conflict' | 'too-large' | 'audit-unavailable';

/** The jobs a person may see: those of these profiles (null: every one) and of the account's own scope. */
export interface JobScope {
  profileIds: readonly string[] | null;
  ownScope: boolean;
}

type Filled = 'actor' | 'requestId' | 'clientAddress' | 'userAgent';
/** An audit entry minus what the request itself says (who, its id, address and user agent). */
export type RequestEntry = RecordInput extends infer R
  ? R extends unknown
    ? Omit<R, Filled>
    : never
  : never;

export interface ImportsHost {
  /** A 403 unless this request's person may add and remove contacts; null when they may. */
  roleRefusal(c: Context): Response | null;
  /** A 403 unless the person may add contacts to this profile (null: the account's own); null when they may. */
  profileRefusal(c: Context, profileId: string | null): Response | null;
  visibleJobs(c: Context): JobScope;
  /** Who this request's entries name, and the address it came from (both kept with a job it starts). */
  requester(c: Context): { actor: RecordInput['actor']; clientAddress: string };
  /** Stores an entry about this request; resolves once durable, rejects when it cannot be stored. */
  record(c: Context, entry: RequestEntry): Promise<void>;
  /** The gateway's answer for a refusal, in its envelope. */
  refuse(c: Context, why: Refusal, message: string): Response;
}
