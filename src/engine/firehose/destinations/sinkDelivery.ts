/**
 * Delivering a flushed batch to Redshift, OpenSearch, Splunk or an HTTP
 * endpoint: after the sink's latency the batch lands, unless the outage
 * switch is on; then it is retried until RetryDuration runs out and the
 * records are written to S3 under the error prefix (`<type>-failed/`).
 * Redshift stages each batch as an intermediate S3 object first, then COPYs.
 */
import type { SimCore } from '../../core/simCore';
import type { FirehoseContext } from '../context';
import type { DeliveryStreamState } from '../deliveryStreamModel';
import type { Batch } from '../buffer';
import { deliver } from '../delivery';
import { rotatedIndex } from './otherDestination';

/** Delivers one flushed batch to the stream's non-S3 destination (Redshift via an intermediate S3 object). */
export function deliverToSink(ctx: FirehoseContext, st: DeliveryStreamState, batch: Batch): void {
  const o = st.other!;
  if (o.kind === 'Redshift') {
    // The intermediate object is a plain S3 delivery; the COPY follows it.
    deliver(ctx, st, { ...batch }, 'backup');
  }
  const a: SinkAttempt = { ctx, st, other: o, batch, started: ctx.core.now() };
  ctx.core.scheduleEvent(o.latencyMs, SINK_ATTEMPT, a, `firehose:${st.name}:sink`);
}

const SINK_ATTEMPT = 'firehose:sinkAttempt';

/** One batch on its way to the sink, as plain data (the event's payload, first try and retries alike). */
interface SinkAttempt {
  ctx: FirehoseContext;
  st: DeliveryStreamState;
  /** The destination the batch was flushed for (an UpdateDestination meanwhile does not redirect it). */
  other: NonNullable<DeliveryStreamState['other']>;
  batch: Batch;
  started: number;
}

/** Registers the sink's delivery attempt as a data event (once, when Firehose is built). */
export function registerSinkEvents(core: SimCore): void {
  core.registerHandler<SinkAttempt>(SINK_ATTEMPT, tryOnce);
}

function tryOnce(a: SinkAttempt): void {
  const { ctx, st, batch, other: o } = a;
  if (st.deleted) return;
  const now = ctx.core.now();
  o.requests++;
  const metric = `DeliveryTo${o.kind === 'OpenSearch' ? 'AmazonOpenSearchService' : o.kind}`;
  if (!st.outage) {
    const target = o.kind === 'OpenSearch' ? rotatedIndex(o, batch.oldest) : o.kind;
    o.received.set(target, (o.received.get(target) ?? 0) + batch.records);
    st.counters.delivered += batch.records;
    st.metrics.put(`${metric}.Records`, now, batch.records);
    st.metrics.put(`${metric}.Bytes`, now, batch.bytes);
    st.metrics.put(`${metric}.Success`, now, 1, 'Average');
    st.metrics.put(`${metric}.DataFreshness`, now, Math.round((now - batch.oldest) / 1000), 'Maximum');
    if (o.backupAll && o.kind !== 'Redshift') deliver(ctx, st, { ...batch }, 'backup');
    return;
  }
  st.metrics.put(`${metric}.Success`, now, 0, 'Average');
  if (now + o.retryEveryMs - a.started <= o.retryDurationMs) {
    ctx.core.scheduleEvent(o.retryEveryMs, SINK_ATTEMPT, a, `firehose:${st.name}:sink-retry`);
    return;
  }
  // Retry time is spent: the records go to S3 under `<type>-failed/` (Redshift: a manifest under errors/).
  deliver(ctx, st, { ...batch, errorType: o.errorType }, 'error');
}
