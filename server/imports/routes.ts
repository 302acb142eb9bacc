// /__imports (the contract: /work notes imports-contract, types in src/shared/imports.ts). Mounted by app.ts after
// the identity middlewares; access.ts decides who may. Every answer is the gateway's envelope; every step of a
// job is an audit entry, stored before the answer leaves (if it cannot be, the step is undone and 503 sent).
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
import { clientAddress, type GatewayEnv } from '../gateway/env.ts';
import { GatewayErrors, refuse } from '../gateway/errors.ts';
import type { OwnAccount } from '../gateway/identity/enforce.ts';
import { profileRefusal, roleRefusal, visibleJobs } from '../gateway/imports-host.ts';
import { type ImportAuditStatus, jobEntry } from './import-audit.ts';
import { jobView } from './job-view.ts';
import { rowsToStore } from './new-job.ts';
import { rowCount, rowsCsv } from './rows-csv.ts';
import { describeIssue, ImportRequestSchema, ListQuerySchema, RowsQuerySchema } from './schemas.ts';
import type { ImportStore, JobActor, StoredJob } from './store.ts';

export interface ImportRoutesDeps {
  store: ImportStore;
  /** Wakes this process's worker when a job starts or resumes. */
  nudge(): void;
  clock: Clock;
  /** The team's requests a minute (an ETA before a minute of work). */
  budgetPerMinute: number;
  ownAccount: OwnAccount;
}

type C = Context<GatewayEnv>;

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

const invalid = (c: C, message: string) => refuse(c, GatewayErrors.INVALID_REQUEST, message);

/** @hono/valibot-validator with the gateway's 400, naming the field. */
const valid = <T extends v.GenericSchema, Target extends 'json' | 'query'>(target: Target, schema: T) =>
  vValidator(target, schema, (result, c) => {
    if (!result.success)
      return invalid(c as C, describeIssue(result.issues[0], target === 'json' ? 'body' : 'query'));
  });

const mayManage: MiddlewareHandler<GatewayEnv> = async (c, next) => roleRefusal(c) ?? next();

/** Who the job's entries name, and "started by". */
function starterOf(c: C): { actor: JobActor; createdBy: string } {
  const person = c.get('person');
  const actor: JobActor =
    c.get('audit')?.actor(c) ??
    (person
      ? { id: person.sub, name: person.name, role: person.role, groups: [] }
      : { session: `address:${clientAddress(c)}`, client: null });
  return { actor, createdBy: 'id' in actor ? (actor.name ?? actor.id) : (actor.client ?? actor.session) };
}

export function importRoutes(deps: ImportRoutesDeps): Hono<GatewayEnv> {
  const { store, clock } = deps;
  const routes = new Hono<GatewayEnv>();
  const view = (job: StoredJob) =>
    jobView(store, job, { nowMs: clock.now(), budgetPerMinute: deps.budgetPerMinute });
  const answer = async (c: C, job: StoredJob, status: 200 | 201 = 200) =>
    c.json(successEnvelope(await view(job), c.get('requestId')), status, NO_STORE);

  /** The step's audit entry; when it cannot be stored, the step is taken back and 503 answered. */
  const recorded = async (c: C, job: StoredJob, step: ImportAuditStatus, undo: () => Promise<unknown>) => {
    try {
      await c.get('audit')?.record(c, jobEntry(job, step));
      return null;
    } catch (error) {
      console.error('imports: audit entry not stored', error);
      await undo();
      return refuse(c, GatewayErrors.AUDIT_UNAVAILABLE, 'The audit trail is unavailable; try again shortly.');
    }
  };

  /** The job, when it exists and the person may act in its profile. */
  const jobFor = async (c: C): Promise<StoredJob | Response> => {
    const job = await store.get(c.req.param('id') ?? '');
    if (!job) return refuse(c, GatewayErrors.NOT_FOUND, 'No import with this id.');
    return profileRefusal(c, deps.ownAccount, job.profileId) ?? job;
  };

  routes.onError((err, c) => {
    if (err instanceof HTTPException && err.status === 400) return invalid(c, `body: ${err.message}`);
    throw err;
  });

  routes.post(
    '/',
    bodyLimit({
      maxSize: IMPORT_BODY_LIMIT,
      onError: (c) => refuse(c, GatewayErrors.BODY_TOO_LARGE, `An import's body may be at most 16 MB.`),
    }),
    mayManage,
    valid('json', ImportRequestSchema),
    async (c) => {
      const body = c.req.valid('json');
      const refused = profileRefusal(c, deps.ownAccount, body.profile_id);
      if (refused) return refused;
      const now = clock.now();
      const job = await store.create(
        {
          id: randomUUID(),
          profileId: body.profile_id,
          fileName: body.file_name,
          fileSha256: body.file_sha256,
          defaultRegion: body.default_region,
          ...starterOf(c),
          clientAddress: clientAddress(c),
          userAgent: c.req.header('user-agent') ?? null,
          nowMs: now,
        },
        rowsToStore(body),
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
    const refused = wanted ? profileRefusal(c, deps.ownAccount, wanted) : null;
    if (refused) return refused;
    const scope = wanted ? { profileIds: [wanted], ownScope: false } : visibleJobs(c, deps.ownAccount);
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
      return refuse(
        c,
        GatewayErrors.CONFLICT,
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
    await c.get('audit')?.record(c, {
      action: 'contacts.export',
      profileId: job.profileId,
      details: { filters: { import_id: job.id, rows: which }, row_count: rowCount(job, which) },
    });
    return rowsCsv(store, job, which);
  });

  return routes;
}
