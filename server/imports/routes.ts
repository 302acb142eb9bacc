// /__imports (the contract: /work notes imports-contract, types in src/shared/imports.ts). Mounted by the gateway
// after its identity middlewares; its host (host.ts) decides who may. Every answer is the gateway's envelope;
// every step of a job is an audit entry, stored before the answer leaves (if it cannot be, the step is undone
// and 503 sent).
//   POST /                      start (201)          GET /            newest 50 (?profile_id=)
//   GET  /{id}                  one job (polled)     POST /{id}/pause | resume | cancel | undo  (409: not now)
//   GET  /{id}/rows.csv?state=failed|created

import { randomUUID } from 'node:crypto';
import { vValidator } from '@hono/valibot-validator';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type * as v from 'valibot';
import type { JobStatus } from '../../src/shared/imports.ts';
import type { Clock } from '../clock.ts';
import { successEnvelope } from '../envelope.ts';
import type { ImportsHost } from './host.ts';
import { type ImportAuditStatus, jobEntry } from './import-audit.ts';
import { jobView } from './job-view.ts';
import { rowsToStore } from './new-job.ts';
import { rowCount, rowsCsv } from './rows-csv.ts';
import { describeIssue, ImportRequestSchema, ListQuerySchema, RowsQuerySchema } from './schemas.ts';
import type { ImportStore, StoredJob } from './store.ts';

export interface ImportRoutesDeps {
  store: ImportStore;
  /** Wakes this process's worker when a job starts or resumes. */
  nudge(): void;
  clock: Clock;
  /** The team's requests a minute (an ETA before a minute of work). */
  budgetPerMinute: number;
  /** Access, who is asking, audit entries and refusals: the gateway's (host.ts). */
  host: ImportsHost;
}

/** What the gateway's middleware has set by the time a request gets here. */
export type ImportsEnv = { Variables: { requestId: string } };
type C = Context<ImportsEnv>;

export const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;
const LIST_LIMIT = 50;
const NO_STORE = { 'cache-control': 'no-store' };

const ACTIONS: Record<
  string,
  { from: readonly JobStatus[]; to: JobStatus; step: ImportAuditStatus; verb: string }
> = {
  pause: { from: ['running'], to: 'paused', step: 'paused', verb: 'paused' },
  resume: { from: ['paused'], to: 'running', step: 'resumed', verb: 'resumed' },
  cancel: { from: ['running', 'paused'], to: 'cancelled', step: 'cancelled', verb: 'cancelled' },
  undo: { from: ['paused', 'cancelled', 'done'], to: 'undoing', step: 'undo_started', verb: 'undone' },
};

/** Who the job's entries name, "started by", and where from. */
function starterOf(host: ImportsHost, c: C) {
  const { actor, clientAddress } = host.requester(c);
  const createdBy = 'id' in actor ? (actor.name ?? actor.id) : (actor.client ?? actor.session);
  return { actor, createdBy, clientAddress };
}

export function importRoutes(deps: ImportRoutesDeps): Hono<ImportsEnv> {
  const { store, clock, host } = deps;
  const routes = new Hono<ImportsEnv>();
  const invalid = (c: C, message: string) => host.refuse(c, 'invalid', message);
  /** @hono/valibot-validator with the gateway's 400, naming the field. */
  const valid = <T extends v.GenericSchema, Target extends 'json' | 'query'>(target: Target, schema: T) =>
    vValidator(target, schema, (result, c) => {
      if (!result.success)
        return invalid(c as C, describeIssue(result.issues[0], target === 'json' ? 'body' : 'query'));
    });
  const mayManage: MiddlewareHandler<ImportsEnv> = async (c, next) => host.roleRefusal(c) ?? next();
  const view = (job: StoredJob) =>
    jobView(store, job, { nowMs: clock.now(), budgetPerMinute: deps.budgetPerMinute });
  const answer = async (c: C, job: StoredJob, status: 200 | 201 = 200) =>
    c.json(successEnvelope(await view(job), c.get('requestId')), status, NO_STORE);

  /** The step's audit entry; when it cannot be stored, the step is taken back and 503 answered. */
  const recorded = async (c: C, job: StoredJob, step: ImportAuditStatus, undo: () => Promise<unknown>) => {
    try {
      await host.record(c, jobEntry(job, step));
      return null;
    } catch (error) {
      console.error('imports: audit entry not stored', error);
      await undo();
      return host.refuse(c, 'audit-unavailable', 'The audit trail is unavailable; try again shortly.');
    }
  };

  /** The job, when it exists and the person may act in its profile. */
  const jobFor = async (c: C): Promise<StoredJob | Response> => {
    const job = await store.get(c.req.param('id') ?? '');
    if (!job) return host.refuse(c, 'not-found', 'No import with this id.');
    return host.profileRefusal(c, job.profileId) ?? job;
  };

  routes.onError((err, c) => {
    if (err instanceof HTTPException && err.status === 400) return invalid(c, `body: ${err.message}`);
    throw err;
  });

  routes.post(
    '/',
    bodyLimit({
      maxSize: IMPORT_BODY_LIMIT,
      onError: (c) => host.refuse(c, 'too-large', `An import's body may be at most 16 MB.`),
    }),
    mayManage,
    valid('json', ImportRequestSchema),
    async (c) => {
      const body = c.req.valid('json');
      const refused = host.profileRefusal(c, body.profile_id);
      if (refused) return refused;
      const now = clock.now();
      const { rows, columns } = rowsToStore(body);
      const job = await store.create(
        {
          id: randomUUID(),
          profileId: body.profile_id,
          fileName: body.file_name,
          fileSha256: body.file_sha256,
          defaultRegion: body.default_region,
          ...starterOf(host, c),
          userAgent: c.req.header('user-agent') ?? null,
          columns,
          nowMs: now,
        },
        rows,
      );
      const failed = await recorded(c, job, 'started', () =>
        store.transition(job.id, ['running'], 'cancelled', now),
      );
      if (failed) return failed;
      deps.nudge();
      return answer(c, job, 201);
    },
  );

  routes.get('/', mayManage, valid('query', ListQuerySchema), async (c) => {
    const wanted = c.req.valid('query').profile_id;
    const refused = wanted ? host.profileRefusal(c, wanted) : null;
    if (refused) return refused;
    const scope = wanted ? { profileIds: [wanted], ownScope: false } : host.visibleJobs(c);
    const jobs = await store.list({ ...scope, limit: LIST_LIMIT });
    return c.json(successEnvelope(await Promise.all(jobs.map(view)), c.get('requestId')), 200, NO_STORE);
  });

  routes.get('/:id', mayManage, async (c) => {
    const job = await jobFor(c);
    return job instanceof Response ? job : answer(c, job);
  });

  routes.post('/:id/:action{pause|resume|cancel|undo}', mayManage, async (c) => {
    const job = await jobFor(c);
    if (job instanceof Response) return job;
    const action = ACTIONS[c.req.param('action')] as (typeof ACTIONS)[string];
    const moved = await store.transition(job.id, action.from, action.to, clock.now());
    if (!moved) {
      const may =
        action.from.length > 1
          ? `${action.from.slice(0, -1).join(', ')} or ${action.from.at(-1)}`
          : action.from[0];
      return host.refuse(
        c,
        'conflict',
        `This import is ${job.status}: only a ${may} import can be ${action.verb}.`,
      );
    }
    const failed = await recorded(c, moved, action.step, () =>
      store.transition(job.id, [action.to], job.status, clock.now()),
    );
    if (failed) return failed;
    if (action.to === 'running' || action.to === 'undoing') deps.nudge();
    return answer(c, moved);
  });

  routes.get('/:id/rows.csv', mayManage, valid('query', RowsQuerySchema), async (c) => {
    const job = await jobFor(c);
    if (job instanceof Response) return job;
    const which = c.req.valid('query').state;
    // Numbers leave the gateway: recorded as an export of this import's rows.
    await host.record(c, {
      action: 'contacts.export',
      profileId: job.profileId,
      details: { filters: { import_id: job.id, rows: which }, row_count: rowCount(job, which) },
    });
    return rowsCsv(store, job, which);
  });

  return routes;
}
