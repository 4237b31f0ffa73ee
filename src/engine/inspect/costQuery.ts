/**
 * The cost meter as the panel lists it: one line per stream, delivery stream
 * and Managed Flink application from sim.cost.summary(), with the billed
 * quantities in words, and the total. Pure read.
 */
import type { InspectSources } from './sources';
import type { CostSnap } from './types';

/** The cost meter (sim.cost.summary()): one line per stream and delivery stream, with the billed quantities. */
export function costSnap(sim: InspectSources): CostSnap {
  const c = sim.cost.summary();
  const lines: Array<[string, number]> = [];
  for (const k of c.kinesis) {
    const what = k.mode === 'ON_DEMAND' ? `${k.streamHours.toFixed(2)} stream-hours, ${formatGb(k.writtenBilledBytes)} written` : `${k.shardHours.toFixed(2)} shard-hours, ${Math.round(k.putPayloadUnits).toLocaleString('en-US')} PUT units`;
    lines.push([`Kinesis ${k.StreamName} (${k.mode}: ${what})`, k.usd]);
  }
  for (const f of c.firehose) lines.push([`Firehose ${f.DeliveryStreamName}`, f.totalUsd]);
  for (const a of c.analytics) lines.push([`Managed Flink ${a.ApplicationName} (${a.kpuHours.toFixed(2)} KPU-hours)`, a.usd]);
  return { lines, totalUsd: c.totalUsd, note: 'At list prices (us-east-1); see the prices table in src/engine/cost/prices.ts for sources and dates.' };
}

function formatGb(bytes: number): string {
  return `${(bytes / 1e9).toLocaleString('en-US', { maximumFractionDigits: 3 })} GB`;
}
