/**
 * The write capacity an on-demand stream is kept at, from what AWS documents
 * [KDS FAQ "On-demand mode"; KDS developer guide service-sizes-and-limits,
 * current]:
 * - a new stream has 4 MB/s and 4,000 records/s of write capacity;
 * - it "accommodates up to double its previous peak write throughput observed
 *   in the last 30 days" (traffic that more than doubles the previous peak
 *   within 15 minutes is throttled meanwhile);
 * - it scales up to 10 GB/s of writes in us-east-1, us-west-2 and eu-west-1
 *   and 200 MB/s elsewhere (the 2022 text and the FAQ: 200 MB/s everywhere);
 * - warm throughput (UpdateStreamWarmThroughput, CreateStream's
 *   WarmThroughputMiBps) asks for capacity before the traffic comes, and
 *   setting it again, to the same or a lower value, releases excess capacity.
 *
 * The simulator's reading, where AWS gives no rule: capacity is counted in
 * shards of 1 MiB/s and 1,000 records/s; the peak is the busiest minute
 * (accepted writes, as IncomingBytes and IncomingRecords count them), kept as
 * one maximum per UTC day for 30 days; a warm-throughput call restarts the
 * peak history from that moment (that is how it releases capacity); and when
 * a peak leaves the 30-day window the stream scales down to the new target.
 */
import { MiB } from '../core/units';
import { ON_DEMAND_INITIAL_SHARDS, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC, onDemandMaxWriteBytesPerSec } from './constants';

/** Days of peak history an on-demand stream keeps [KDS FAQ]. */
export const ON_DEMAND_PEAK_DAYS = 30;
const DAY_MS = 86400000;

/** The busiest minute of one UTC day (bytes/s and records/s, averaged over the minute). */
export interface DailyPeak {
  day: number;
  bytesPerSec: number;
  recordsPerSec: number;
}

/** What an on-demand stream remembers for its scaling: plain data on the stream, copied by checkpoints. */
export interface OnDemandState {
  /** One entry per UTC day with traffic, oldest first, at most the last 30 days. */
  dailyPeaks: DailyPeak[];
  /** incomingBytes / incomingRecords of each shard at the last sample, by shard id. */
  lastBytes: Map<string, number>;
  lastRecords: Map<string, number>;
  /** Each open shard's write rate (bytes/s) over the last sample minute, by shard id: the busiest split first. */
  lastRate: Map<string, number>;
  /** Warm throughput the stream was asked for, MiB/s (absent: never set). */
  warmTargetMiBps?: number;
  /** A resize is scheduled (one at a time). */
  resizePending: boolean;
}

/** A fresh scaling state for a stream that is (or becomes) on-demand. */
export function newOnDemandState(): OnDemandState {
  return { dailyPeaks: [], lastBytes: new Map(), lastRecords: new Map(), lastRate: new Map(), resizePending: false };
}

/** Records one sampled minute into the day's peak and drops days older than 30. */
export function notePeak(st: OnDemandState, now: number, bytesPerSec: number, recordsPerSec: number): void {
  const day = Math.floor(now / DAY_MS);
  const last = st.dailyPeaks[st.dailyPeaks.length - 1];
  if (last !== undefined && last.day === day) {
    if (bytesPerSec > last.bytesPerSec) last.bytesPerSec = bytesPerSec;
    if (recordsPerSec > last.recordsPerSec) last.recordsPerSec = recordsPerSec;
  } else if (bytesPerSec > 0 || recordsPerSec > 0) st.dailyPeaks.push({ day, bytesPerSec, recordsPerSec });
  while (st.dailyPeaks.length > 0 && st.dailyPeaks[0].day <= day - ON_DEMAND_PEAK_DAYS) st.dailyPeaks.shift();
}

/** The highest write throughput of the last 30 days (0 and 0 without traffic). */
export function peakOf(st: OnDemandState, now: number): { bytesPerSec: number; recordsPerSec: number } {
  const day = Math.floor(now / DAY_MS);
  let bytesPerSec = 0, recordsPerSec = 0;
  for (const p of st.dailyPeaks) {
    if (p.day <= day - ON_DEMAND_PEAK_DAYS) continue;
    if (p.bytesPerSec > bytesPerSec) bytesPerSec = p.bytesPerSec;
    if (p.recordsPerSec > recordsPerSec) recordsPerSec = p.recordsPerSec;
  }
  return { bytesPerSec, recordsPerSec };
}

/** The most shards an on-demand stream may have in a Region: its write ceiling in 1 MiB/s shards. */
export function onDemandMaxShards(region: string): number {
  return Math.floor(onDemandMaxWriteBytesPerSec(region) / SHARD_WRITE_BYTES_PER_SEC);
}

/** The on-demand write ceiling in MiB/s, as UpdateStreamWarmThroughput's upper bound (the Region's stream limit). */
export function onDemandMaxWarmMiBps(region: string): number {
  return Math.floor(onDemandMaxWriteBytesPerSec(region) / MiB);
}

/** Shards the stream should have now: 4 at least, twice the 30-day peak, the warm throughput; at most the Region's ceiling. */
export function targetShards(st: OnDemandState, now: number, region: string): number {
  const peak = peakOf(st, now);
  const byBytes = Math.ceil((2 * peak.bytesPerSec) / SHARD_WRITE_BYTES_PER_SEC - 1e-9);
  const byRecords = Math.ceil((2 * peak.recordsPerSec) / SHARD_WRITE_RECORDS_PER_SEC - 1e-9);
  const warm = st.warmTargetMiBps === undefined ? 0 : Math.ceil((st.warmTargetMiBps * MiB) / SHARD_WRITE_BYTES_PER_SEC);
  return Math.min(onDemandMaxShards(region), Math.max(ON_DEMAND_INITIAL_SHARDS, byBytes, byRecords, warm));
}

