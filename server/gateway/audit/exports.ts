// Contact exports announce themselves: the console's exporter posts its start (the filters) to
// POST /__audit/exports, sends every page request with `x-sent-export: <id>`, and posts its finish (how it
// ended, how many rows it wrote). The gateway counts the rows it actually served under that id, so the one
// `contacts.export` entry carries both what the browser says and what left the gateway. An export that never
// finishes (tab closed, crash of the browser) is recorded as abandoned once idle, or at shutdown.
import { randomUUID } from 'node:crypto';
import type { RecordInput } from '../../audit/recorder.ts';
import { actorIdOf } from './actor.ts';

export { EXPORT_HEADER } from '../../../src/shared/audit.ts';
/** An export with no page and no finish for this long is recorded as abandoned. */
export const EXPORT_IDLE_MS = 15 * 60 * 1000;

export interface PendingExport {
  id: string;
  /** Who started it, as their entries name them (an abandoned export is recorded with this). */
  actor: RecordInput['actor'];
  actorId: string;
  clientAddress: string | null;
  userAgent: string | null;
  profileId: string | null;
  filters: Record<string, string>;
  startedAt: string;
  lastSeenMs: number;
  pages: number;
  rowsServed: number;
}

export class ExportRegistry {
  private readonly pending = new Map<string, PendingExport>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  start(
    started: Pick<PendingExport, 'actor' | 'profileId' | 'filters' | 'clientAddress' | 'userAgent'>,
  ): PendingExport {
    const now = this.nowMs();
    const entry: PendingExport = {
      ...started,
      id: randomUUID(),
      actorId: actorIdOf(started.actor),
      startedAt: new Date(now).toISOString(),
      lastSeenMs: now,
      pages: 0,
      rowsServed: 0,
    };
    this.pending.set(entry.id, entry);
    return entry;
  }

  /** A page served under `id`; ignored unless the same actor started that export. */
  countPage(id: string, actorId: string, rows: number): void {
    const entry = this.pending.get(id);
    if (!entry || entry.actorId !== actorId) return;
    entry.pages += 1;
    entry.rowsServed += rows;
    entry.lastSeenMs = this.nowMs();
  }

  /** Removes and returns the export, when this actor started it. */
  finish(id: string, actorId: string): PendingExport | null {
    const entry = this.pending.get(id);
    if (!entry || entry.actorId !== actorId) return null;
    this.pending.delete(id);
    return entry;
  }

  /** Removes and returns exports idle for EXPORT_IDLE_MS (all of them with `all`). */
  takeIdle(all = false): PendingExport[] {
    const cutoff = this.nowMs() - EXPORT_IDLE_MS;
    const idle = [...this.pending.values()].filter((e) => all || e.lastSeenMs <= cutoff);
    for (const e of idle) this.pending.delete(e.id);
    return idle;
  }
}
