/**
 * sim.metrics: CloudWatch-like metrics of the simulation. Kinesis metrics are
 * sampled on every traffic heartbeat (once per simulated second) in the
 * heartbeat's last phase, after producers wrote and consumers read; the
 * heartbeat starts when the first stream becomes ACTIVE.
 */
import type { MetricsSink, TrafficParticipant, TrafficService } from '../traffic/trafficService';
import { KinesisMetrics, SHARD_METRICS, STREAM_METRICS } from './kinesisMetrics';
import { EsmMetrics, ESM_METRICS } from './esmMetrics';
import { ParticipantMetrics } from './participantMetrics';

/** The delivery stream's buffered bytes against BufferingHints.SizeInMBs at the end of each second, in sim.firehose.metrics(name). */
export const BUFFER_FILL = 'Simulator.BufferFill';

export interface MetricsApi {
  /** Kinesis Data Streams metrics (AWS/Kinesis): `sim.metrics.kinesis.series({ stream, metric, from, to })`. */
  kinesis: KinesisMetrics;
  /** Lambda event source mapping metrics (AWS/Lambda IteratorAge and event counts): `sim.metrics.lambdaEsm.series({ functionName, metric, from, to })`. */
  lambdaEsm: EsmMetrics;
  /** Each producer's and consumer's last whole second: `sim.metrics.traffic.lastSecond(id)`. */
  traffic: ParticipantMetrics;
  /** Metric names and meanings, for the UI. */
  catalogue: { stream: typeof STREAM_METRICS; shard: typeof SHARD_METRICS; lambdaEsm: typeof ESM_METRICS };
}

/** Builds sim.metrics: Kinesis and event source mapping series, sampled on the traffic heartbeat. */
export function createMetricsService(traffic: TrafficService): MetricsApi {
  const kinesis = new KinesisMetrics();
  const lambdaEsm = new EsmMetrics();
  const participants = new ParticipantMetrics();
  const core = traffic.core;
  const sink: MetricsSink = {
    count: (stream, metric, n) => kinesis.count(stream, metric, n),
    maximum: (stream, metric, value) => kinesis.maximum(stream, metric, value),
    iteratorAge: (stream, shardId, ageMs) => kinesis.reportIteratorAge(stream, shardId, ageMs),
    ageHandle: (stream, shardId) => kinesis.ageHandle(stream, shardId),
    ageBoard: (stream) => kinesis.ageBoard(stream),
    lambdaEsm: (mapping, metric, value) => lambdaEsm.report(mapping, metric, value),
  };
  const none: TrafficParticipant[] = [];
  const sample = (now: number): void => {
    const list = traffic.state.participants.size === 0 ? none : traffic.list();
    for (const p of list) p.reportMetrics?.(sink);
    participants.sample(list);
    lambdaEsm.sample(now);
    // Alone: nothing but this sampling runs in the heartbeat (no participant, no other hook), so between
    // two heartbeats only other events, API calls between advances or async work can change a stream.
    const hooks = traffic.state.hooks;
    const alone = list.length === 0 && hooks.produce.length === 0 && hooks.consume.length === 0 && hooks.sample.length === 1;
    kinesis.sampleAll(traffic.kinesis.streams, now, core.activity, alone);
    // The buffer fill at the end of the second (a simulator gauge, not a CloudWatch metric): the
    // chart's line; flushes between samples come as bufferFlushed events with the fill they reached.
    const firehose = traffic.firehose?.context.streams;
    if (firehose === undefined || firehose.size === 0) return;
    for (const st of firehose.values()) {
      if (st.deleted) continue;
      const size = st.buffers.hints.sizeBytes;
      st.metrics.put(BUFFER_FILL, now - 1, size > 0 ? st.buffers.totals().bytes / size : 0, 'Maximum');
    }
  };
  // Registered at creation (not when the first stream becomes ACTIVE), so a simulation built
  // afresh has the same hook in the same place and a restored checkpoint re-binds it.
  traffic.state.hooks.sample.push(sample);
  const start = (): void => {
    // The heartbeat rests while no stream exists; a new ACTIVE stream wakes it.
    traffic.ensureHeartbeat();
  };
  core.events.subscribe((e) => {
    if ((e.type === 'streamStatus' || e.type === 'deliveryStreamStatus') && e.status === 'ACTIVE') start();
    else if (e.type === 'streamDeleted') kinesis.forget(e.stream);
  });
  return { kinesis, lambdaEsm, traffic: participants, catalogue: { stream: STREAM_METRICS, shard: SHARD_METRICS, lambdaEsm: ESM_METRICS } };
}
