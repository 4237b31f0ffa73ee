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

export interface FirehoseStreamCost extends CostBreakdown {
  DeliveryStreamName: string;
}

export interface CostSummary {
  kinesis: KinesisStreamCost[];
  firehose: FirehoseStreamCost[];
  totalUsd: number;
}

export interface CostApi {
  /** Every live stream's and delivery stream's cost up to now, in USD. */
  summary(): CostSummary;
}

/** Builds sim.cost over the Kinesis and Firehose state. */
export function createCostService(core: SimCore, kinesis: KinesisContext, firehose: FirehoseContext): CostApi {
  const meter = new KinesisCostMeter(core, kinesis);
  return {
    summary() {
      const k = meter.streams();
      const f: FirehoseStreamCost[] = [];
      for (const st of firehose.streams.values()) if (!st.deleted) f.push({ DeliveryStreamName: st.name, ...st.counters.cost.breakdown() });
      const totalUsd = k.reduce((n, s) => n + s.usd, 0) + f.reduce((n, s) => n + s.totalUsd, 0);
      return { kinesis: k, firehose: f, totalUsd };
    },
  };
}
