/**
 * MillisBehindLatest while the application reads nothing: during AUTOSCALING
 * and UPDATING the job is restarting, so records keep arriving and the lag
 * grows; the metric keeps its meaning (the age of the oldest record not yet
 * read, per shard, the largest across shards) instead of reading 0.
 */
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import type { RunState } from './runState';

/** Sets each cursor's age from where it stands now and returns the largest (0 when every shard is read to its tip). */
export function lagNow(ctx: AnalyticsContext, run: RunState, now: number): number {
  let behind = 0;
  for (const src of run.sources) {
    for (const id of src.order) {
      const c = src.cursors[id];
      const store = c.shard.store;
      const pos = Math.max(c.position, store.trimIndex);
      c.iteratorAgeMs = !c.ended && pos < store.nextIndex ? Math.max(0, now - store.arrivalAt(pos)) : 0;
      if (c.iteratorAgeMs > behind) behind = c.iteratorAgeMs;
    }
  }
  void ctx;
  return behind;
}

/** Statuses in which a run exists but does not read (a restart in progress). */
export const PAUSED_STATUSES: readonly string[] = ['AUTOSCALING', 'UPDATING'];

/** One tick of a paused run: only the lag is metered (the view and MillisBehindLatest read it). */
export function meterPaused(ctx: AnalyticsContext, app: ApplicationState, run: RunState, now: number): void {
  run.millisBehindLatest = lagNow(ctx, run, now);
  app.metrics.put('MillisBehindLatest', now, run.millisBehindLatest, 'Maximum');
}
