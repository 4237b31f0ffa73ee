/**
 * Kinesis Video Streams cost: GB ingested, GB consumed (more through HLS or
 * DASH), GB-month stored; no provisioning and no minimum fee. us-east-1 figures
 * from the examples on https://aws.amazon.com/kinesis/video-streams/pricing/
 * as collected in analytics-video-exam-facts.md §2 (Pricing dimensions).
 */
import type { VideoContext } from '../video/context';
import { storedByteMs } from '../video/storage';
import { GB } from './prices';

/** Per GB ingested. */
export const KVS_INGEST_USD_PER_GB = 0.0085;
/** Per GB consumed (GetMedia, GetMediaForFragmentList, GetClip). */
export const KVS_CONSUME_USD_PER_GB = 0.0085;
/** Per GB consumed through HLS or DASH (dearer). */
export const KVS_HLS_USD_PER_GB = 0.0119;
/** Per GB-month stored (HOT tier). */
export const KVS_STORAGE_USD_PER_GB_MONTH = 0.023;
/** A billing month of 730 hours, the convention AWS's pricing examples use. */
export const MONTH_MS = 730 * 3600 * 1000;

/** One video stream's cost so far. */
export interface VideoStreamCost {
  StreamName: string;
  gbIn: number;
  gbOut: number;
  gbOutHls: number;
  gbMonthsStored: number;
  ingestUsd: number;
  consumeUsd: number;
  hlsUsd: number;
  storageUsd: number;
  usd: number;
}

/** Every live video stream's cost up to `now`. */
export function videoCosts(ctx: VideoContext, now: number): VideoStreamCost[] {
  const out: VideoStreamCost[] = [];
  for (const s of ctx.streams.values()) {
    if (s.deleted) continue;
    const c = s.counters;
    const gbIn = c.bytesIn / GB;
    const gbOut = c.bytesOut / GB;
    const gbOutHls = c.bytesOutHls / GB;
    const gbMonthsStored = storedByteMs(s, now) / GB / MONTH_MS;
    const ingestUsd = gbIn * KVS_INGEST_USD_PER_GB;
    const consumeUsd = gbOut * KVS_CONSUME_USD_PER_GB;
    const hlsUsd = gbOutHls * KVS_HLS_USD_PER_GB;
    const storageUsd = gbMonthsStored * KVS_STORAGE_USD_PER_GB_MONTH;
    out.push({ StreamName: s.name, gbIn, gbOut, gbOutHls, gbMonthsStored, ingestUsd, consumeUsd, hlsUsd, storageUsd, usd: ingestUsd + consumeUsd + hlsUsd + storageUsd });
  }
  return out;
}
