/**
 * The Kinesis control plane's delayed transitions as data events: a stream
 * going CREATING -> ACTIVE, UPDATING -> ACTIVE after a reshard or mode change,
 * DELETING -> gone, a consumer CREATING -> ACTIVE or deregistered. Each is a
 * registered handler plus a plain-data payload (the states it changes), so the
 * queue holds no closure and a checkpoint copies it.
 */
import type { SimCore } from '../core/simCore';
import type { KinesisContext } from './context';
import type { StreamState } from './streamModel';
import type { ShardState } from './shardModel';
import type { ConsumerState } from './consumerModel';
import type { StreamMode } from './types';
import { applyMerge, applySplit } from './reshard';
import { applyUniformScaling } from './uniformScaling';
import { ensureOnDemandScaling, onDemandStateOf } from './onDemandScaling';
import { notePeak } from './onDemandCapacity';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './constants';

/** What an UpdateStream-like operation changes once its delay has passed. */
export type StreamChange =
  | { op: 'split'; shard: ShardState; key: bigint }
  | { op: 'merge'; a: ShardState; b: ShardState }
  | { op: 'updateShardCount'; target: number }
  | { op: 'updateStreamMode'; mode: StreamMode };

/** Event kinds (the handlers are registered once per simulation by registerLifecycleEvents). */
export const LIFECYCLE = {
  streamCreated: 'kinesis:streamCreated',
  streamUpdated: 'kinesis:streamUpdated',
  streamDeleted: 'kinesis:streamDeleted',
  consumerRegistered: 'kinesis:consumerRegistered',
  consumerDeregistered: 'kinesis:consumerDeregistered',
} as const;

interface StreamPayload { ctx: KinesisContext; s: StreamState }

function applyChange(ctx: KinesisContext, s: StreamState, c: StreamChange): void {
  switch (c.op) {
    case 'split':
      if (c.shard.closedAt === undefined) applySplit(ctx, s, c.shard, c.key);
      return;
    case 'merge':
      if (c.a.closedAt === undefined && c.b.closedAt === undefined) applyMerge(ctx, s, c.a, c.b);
      return;
    case 'updateShardCount': {
      const from = s.open.length;
      applyUniformScaling(ctx, s, c.target);
      ctx.core.events.emit({ type: 'shardCountUpdated', time: ctx.core.now(), stream: s.name, from, to: s.open.length });
      return;
    }
    case 'updateStreamMode':
      s.mode = c.mode;
      ctx.core.events.emit({ type: 'streamModeChanged', time: ctx.core.now(), stream: s.name, mode: c.mode });
      s.onDemand = undefined;
      if (c.mode === 'ON_DEMAND') {
        // The stream keeps its shard count [KDS-DG22]: the simulator counts that capacity as twice a peak
        // seen now, so on-demand scaling holds it for 30 days rather than merging down at once (AWS gives no rule).
        const n = s.open.length;
        notePeak(onDemandStateOf(s), ctx.core.now(), (n * SHARD_WRITE_BYTES_PER_SEC) / 2, (n * SHARD_WRITE_RECORDS_PER_SEC) / 2);
        ensureOnDemandScaling(ctx);
      }
  }
}

/** Registers the Kinesis lifecycle handlers on `core` (once, when the service is built). */
export function registerLifecycleEvents(core: SimCore): void {
  core.registerHandler<StreamPayload>(LIFECYCLE.streamCreated, ({ ctx, s }) => {
    if (s.deleted || s.status !== 'CREATING') return;
    s.status = 'ACTIVE';
    ctx.core.events.emit({ type: 'streamStatus', time: ctx.core.now(), stream: s.name, status: 'ACTIVE' });
  });
  core.registerHandler<StreamPayload & { change: StreamChange }>(LIFECYCLE.streamUpdated, ({ ctx, s, change }) => {
    if (s.deleted) return;
    applyChange(ctx, s, change);
    s.status = 'ACTIVE';
    ctx.core.events.emit({ type: 'streamStatus', time: ctx.core.now(), stream: s.name, status: 'ACTIVE' });
  });
  core.registerHandler<StreamPayload>(LIFECYCLE.streamDeleted, ({ ctx, s }) => {
    s.deleted = true;
    s.consumers.clear();
    // The name is free again; anyone still holding the object sees `deleted`.
    if (ctx.streams.get(s.name) === s) ctx.streams.delete(s.name);
    ctx.core.events.emit({ type: 'streamDeleted', time: ctx.core.now(), stream: s.name });
  });
  core.registerHandler<StreamPayload & { c: ConsumerState }>(LIFECYCLE.consumerRegistered, ({ ctx, s, c }) => {
    if (s.deleted || s.consumers.get(c.name) !== c || c.status !== 'CREATING') return;
    c.status = 'ACTIVE';
    ctx.core.events.emit({ type: 'consumerStatus', time: ctx.core.now(), stream: s.name, consumer: c.name, status: 'ACTIVE' });
  });
  core.registerHandler<{ s: StreamState; c: ConsumerState }>(LIFECYCLE.consumerDeregistered, ({ s, c }) => {
    if (s.consumers.get(c.name) === c) s.consumers.delete(c.name);
  });
}
