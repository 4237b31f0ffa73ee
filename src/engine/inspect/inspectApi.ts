/**
 * sim.inspect: the engine's read-only queries for views (the record trace,
 * the inspector's settings, the S3 treemap, the hot-shard and cost panels,
 * the video view, the graph's Firehose, bucket and analytics figures). They
 * read the simulation's state as it is and change nothing: no read limit is
 * charged, no lazy object is built, no estimate moves. Answers are plain data
 * (structured-clone safe); a query about something that does not exist throws
 * the AwsError the service would.
 */
import type { HotShardReport } from '../traffic/hotShards';
import type { ProducerInfo } from '../traffic/producers/producerConfig';
import type { InspectSources } from './sources';
import type { AnalyticsSnap, BucketSnap, ConsumerDetail, CostSnap, FirehoseDetail, FirehoseSnap, PrefixNode, RecordSummary, RecordTrace, VideoView } from './types';
import { findRecordByKey, recentRecords, traceRecord } from './recordTrace';
import { firehoseDetail, firehoseSnaps } from './firehoseQueries';
import { consumerDetail, producerDetail } from './participantQueries';
import { costSnap } from './costQuery';
import { bucketSnaps, s3Tree } from './s3Queries';
import { videoView } from './videoQuery';
import { analyticsSnaps } from './analyticsQuery';

/** The hot-shard report's default window: the last minute. */
export const HOT_REPORT_WINDOW_MS = 60000;

/** Read-only queries over the simulated world. */
export interface InspectApi {
  /** A shard's newest retained records (at most 100), newest first, read without charging its read limits. */
  recentRecords(stream: string, shardId: string, limit?: number): RecordSummary[];
  /** The newest record with this partition key in the shard MD5 picks, or null. */
  findRecordByKey(stream: string, key: string): RecordSummary | null;
  /** One record followed to every reader's position and to the S3 object Firehose wrote it into. */
  traceRecord(stream: string, shardId: string, sequenceNumber: string): RecordTrace;
  /** A bucket's delivered prefixes as a tree (count and bytes per prefix). */
  s3Tree(bucket: string): PrefixNode;
  /** Every bucket's object count and bytes. */
  buckets(): BucketSnap[];
  /** A delivery stream's editable settings and the functions that can be its transform. */
  firehoseDetail(name: string): FirehoseDetail;
  /** Every live delivery stream's buffer fill, time to flush and deliveries. */
  firehoses(): FirehoseSnap[];
  /** A consumer's settings (KCL: workers and leases). */
  consumerDetail(id: string): ConsumerDetail;
  /** A producer's settings and rate. */
  producerDetail(id: string): ProducerInfo;
  /** The hot-shard report of a stream over the last `windowMs` (default a minute). */
  hotShards(stream: string, windowMs?: number): HotShardReport;
  /** The cost meter, line by line. */
  cost(): CostSnap;
  /** The video view for `stream` (or the first stream), `behindMs` behind the live edge. */
  video(stream?: string, behindMs?: number, follow?: string): VideoView;
  /** Every live analytics application, in name order. */
  analyticsApps(): AnalyticsSnap[];
}

/** The queries over `sim`'s services and states. */
export function createInspectApi(sim: InspectSources): InspectApi {
  return {
    recentRecords: (stream, shardId, limit) => recentRecords(sim, stream, shardId, limit),
    findRecordByKey: (stream, key) => findRecordByKey(sim, stream, key),
    traceRecord: (stream, shardId, seq) => traceRecord(sim, stream, shardId, seq),
    s3Tree: (bucket) => s3Tree(sim, bucket),
    buckets: () => bucketSnaps(sim),
    firehoseDetail: (name) => firehoseDetail(sim, name),
    firehoses: () => firehoseSnaps(sim),
    consumerDetail: (id) => consumerDetail(sim, id),
    producerDetail: (id) => producerDetail(sim, id),
    hotShards: (stream, windowMs = HOT_REPORT_WINDOW_MS) => sim.traffic.hotShardReport(stream, windowMs),
    cost: () => costSnap(sim),
    video: (stream, behindMs = 0, follow) => videoView(sim, stream, Math.max(0, behindMs), 60000, follow),
    analyticsApps: () => analyticsSnaps(sim),
  };
}
