/**
 * Retention over time: once per simulated minute every stream drops the records
 * that have passed its retention period and forgets closed shards that have
 * expired, so a stream nobody reads does not grow without bound. Reads apply
 * the cutoff themselves, so the sweep only frees memory; it never decides what
 * a reader sees [KDS-DG22 kinesis-extended-retention].
 */
import type { KinesisContext } from './context';
import type { SimCore } from '../core/simCore';
import { expireShards } from './retention';

/** How often the sweep runs, in simulated milliseconds. */
export const RETENTION_SWEEP_MS = 60000;

const KIND = 'kinesis:retentionSweep';

/** Starts the sweep for this account if it is not running; it stops by itself once no stream is left. */
export function ensureRetentionSweep(ctx: KinesisContext): void {
  if (ctx.retentionSweepRunning) return;
  ctx.retentionSweepRunning = true;
  ctx.core.scheduleEvent(RETENTION_SWEEP_MS, KIND, ctx);
}

/** Registers the sweep's data event (its payload is the context, so the queue holds no closure). */
export function registerRetentionSweep(core: SimCore): void {
  core.registerHandler(KIND, sweep);
}

function sweep(ctx: KinesisContext): void {
  let any = false;
  for (const s of ctx.streams.values()) {
    if (s.deleted) continue;
    any = true;
    expireShards(ctx, s);
  }
  if (any) ctx.core.scheduleEvent(RETENTION_SWEEP_MS, KIND, ctx);
  else ctx.retentionSweepRunning = false;
}
