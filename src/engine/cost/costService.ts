/**
 * `sim.cost`: what the simulated world has cost so far, at list prices
 * (prices.ts): per Kinesis stream (shard-hours and PUT payload units, or
 * on-demand stream-hours and GB written) and per Firehose delivery stream
 * (ingestion, dynamic partitioning, format conversion), and their sum.
 */
import type { SimCore } from '../core/simCore';
import type { KinesisContext } from '../kinesis/context';
import type { FirehoseContext } from '../firehose/context';
import type { CostBreakdown } from './costMeter';
import { KinesisCostMeter, type KinesisStreamCost } from './kinesisCost';
import type { VideoContext } from '../video/context';
import { videoCosts, type VideoStreamCost } from './videoCost';
import type { AnalyticsContext } from '../analytics/context';
import { analyticsCosts, type AnalyticsAppCost } from './analyticsCost';

export interface FirehoseStreamCost extends CostBreakdown {
  DeliveryStreamName: string;
}

export interface CostSummary {
  kinesis: KinesisStreamCost[];
  firehose: FirehoseStreamCost[];
  /** Kinesis Video Streams (GB in, GB out, HLS GB out, GB-month stored). */
  video: VideoStreamCost[];
  /** Managed Service for Apache Flink / Data Analytics applications (KPU-hours). */
  analytics: AnalyticsAppCost[];
  totalUsd: number;
}

export interface CostApi {
  /** Every live stream's and delivery stream's cost up to now, in USD. */
  summary(): CostSummary;
  /** The Kinesis meter's state (what it has metered up to when), reachable so checkpoints copy it. */
  readonly meter: KinesisCostMeter;
}

/** Builds sim.cost over the Kinesis and Firehose state. */
export function createCostService(core: SimCore, kinesis: KinesisContext, firehose: FirehoseContext, video?: VideoContext, analytics?: AnalyticsContext): CostApi {
  const meter = new KinesisCostMeter(core, kinesis);
  return {
    meter,
    summary() {
      const k = meter.streams();
      const f: FirehoseStreamCost[] = [];
      for (const st of firehose.streams.values()) if (!st.deleted) f.push({ DeliveryStreamName: st.name, ...st.counters.cost.breakdown() });
      const v = video === undefined ? [] : videoCosts(video, core.now());
      const a = analytics === undefined ? [] : analyticsCosts(analytics);
      const totalUsd = k.reduce((n, s) => n + s.usd, 0) + f.reduce((n, s) => n + s.totalUsd, 0) + v.reduce((n, s) => n + s.usd, 0) + a.reduce((n, s) => n + s.usd, 0);
      return { kinesis: k, firehose: f, video: v, analytics: a, totalUsd };
    },
  };
}
