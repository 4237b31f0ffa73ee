/**
 * Firehose's delayed control-plane transitions as data events: a delivery
 * stream going CREATING -> ACTIVE (and starting to read its Kinesis source),
 * DELETING -> gone with what it still held counted as lost, and server-side
 * encryption ENABLING -> ENABLED or DISABLING -> off [BC-F]. Each is a
 * registered handler plus a plain-data payload (the states it changes), so
 * the queue holds no closure and a checkpoint copies it.
 */
import type { SimCore } from '../core/simCore';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import { startKinesisSource } from './kinesisSource';

/** Event kinds (the handlers are registered once per simulation by registerLifecycleEvents). */
export const FIREHOSE_LIFECYCLE = {
  active: 'firehose:deliveryStreamActive',
  deleted: 'firehose:deliveryStreamDeleted',
  encryptionEnabled: 'firehose:encryptionEnabled',
  encryptionDisabled: 'firehose:encryptionDisabled',
} as const;

type Encryption = NonNullable<DeliveryStreamState['encryption']>;

export interface StreamActivePayload {
  ctx: FirehoseContext;
  st: DeliveryStreamState;
  /** The Kinesis stream to start reading once ACTIVE (KinesisStreamAsSource). */
  source?: { name: string; arn: string };
}

/** The encryption setting a Start/Stop call made: the change lands only if no later call replaced it. */
export interface EncryptionPayload {
  st: DeliveryStreamState;
  enc: Encryption;
}

/** Registers the Firehose lifecycle handlers on `core` (once, when the service is built). */
export function registerFirehoseLifecycleEvents(core: SimCore): void {
  core.registerHandler<StreamActivePayload>(FIREHOSE_LIFECYCLE.active, ({ ctx, st, source }) => {
    if (st.deleted) return;
    st.status = 'ACTIVE';
    ctx.core.events.emit({ type: 'deliveryStreamStatus', time: ctx.core.now(), deliveryStream: st.name, status: 'ACTIVE' });
    if (source !== undefined) startKinesisSource(ctx, st, source.name, source.arn);
  });
  core.registerHandler<{ ctx: FirehoseContext; st: DeliveryStreamState }>(FIREHOSE_LIFECYCLE.deleted, ({ ctx, st }) => {
    st.deleted = true;
    // Data not yet delivered is lost [BC-F DeleteDeliveryStream].
    const waiting = st.buffers.totals().records + (st.lambdaStage?.totals().records ?? 0) + st.retryQueue.reduce((n, p) => n + (p.target === 'backup' ? 0 : p.batch.records), 0);
    st.counters.lost += waiting;
    for (const set of [st.buffers, st.errorBuffers, st.backupBuffers, st.lambdaStage]) {
      if (set === undefined) continue;
      for (const b of set.partitions.values()) if (b.timer !== undefined) b.timer.cancelled = true;
      set.partitions.clear();
    }
    st.retryQueue = [];
    if (ctx.streams.get(st.name) === st) ctx.streams.delete(st.name);
  });
  core.registerHandler<EncryptionPayload>(FIREHOSE_LIFECYCLE.encryptionEnabled, ({ st, enc }) => {
    if (st.encryption === enc) enc.Status = 'ENABLED';
  });
  core.registerHandler<EncryptionPayload>(FIREHOSE_LIFECYCLE.encryptionDisabled, ({ st, enc }) => {
    if (st.encryption === enc) st.encryption = undefined;
  });
}
