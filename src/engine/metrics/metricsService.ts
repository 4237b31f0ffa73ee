/**
 * sim.metrics: CloudWatch-like metrics of the simulation. Kinesis metrics are
 * sampled on every traffic heartbeat (once per simulated second) in the
 * heartbeat's last phase, after producers wrote and consumers read; the
 * heartbeat starts when the first stream becomes ACTIVE.
 */
import type { TrafficService } from '../traffic/trafficService';
import { KinesisMetrics, SHARD_METRICS, STREAM_METRICS } from './kinesisMetrics';

export interface MetricsApi {
  /** Kinesis Data Streams metrics (AWS/Kinesis): `sim.metrics.kinesis.series({ stream, metric, from, to })`. */
  kinesis: KinesisMetrics;
  /** Metric names and meanings, for the UI. */
  catalogue: { stream: typeof STREAM_METRICS; shard: typeof SHARD_METRICS };
}

export function createMetricsService(traffic: TrafficService): MetricsApi {
  const kinesis = new KinesisMetrics();
  const core = traffic.core;
  const sink = {
    count: (stream: string, metric: Parameters<KinesisMetrics['count']>[1], n: number) => kinesis.count(stream, metric, n),
    iteratorAge: (stream: string, shardId: string, ageMs: number) => kinesis.reportIteratorAge(stream, shardId, ageMs),
  };
  const sample = (now: number): void => {
    for (const p of traffic.list()) p.reportMetrics?.(sink);
    for (const s of traffic.kinesis.streams.values()) {
      if (s.deleted || s.status === 'CREATING') continue;
      kinesis.sample(s, now);
    }
  };
  let started = false;
  core.events.subscribe((e) => {
    if (e.type === 'streamStatus' && e.status === 'ACTIVE') {
      if (!started) {
        started = true;
        traffic.onTick('sample', sample);
      }
      // The heartbeat rests while no stream exists; a new ACTIVE stream wakes it.
      traffic.ensureHeartbeat();
    } else if (e.type === 'streamDeleted') kinesis.forget(e.stream);
  });
  return { kinesis, catalogue: { stream: STREAM_METRICS, shard: SHARD_METRICS } };
}
