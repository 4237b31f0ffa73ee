/**
 * Firehose limits and defaults, each with its source (see
 * /work/shared/kinesis-facts.md, section B). Where sources disagree both
 * values are kept, with dates, and the simulator's choice is named.
 */
import { BIG_REGIONS, KiB, MiB } from '../core/units';

export { BIG_REGIONS, KiB, MiB };

/**
 * The service's name [facts D]: Amazon Kinesis Firehose at launch (2015),
 * then Amazon Kinesis Data Firehose, Amazon Data Firehose since 2024-02-09.
 * Study material uses all three.
 */
export const SERVICE_NAME_HISTORY = [
  { until: '2024-02-09', name: 'Amazon Kinesis Data Firehose', note: 'named Amazon Kinesis Firehose at launch, 2015' },
  { until: null, name: 'Amazon Data Firehose' },
] as const;

/** Delivery stream names: 1..64 of [a-zA-Z0-9_.-] [BC-F]. */
export const DELIVERY_STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const DELIVERY_STREAM_NAME_MAX = 64;

/** A record's data blob: at most 1,000 KiB before base64 [BC-F PutRecord]. */
export const MAX_RECORD_BYTES = 1000 * KiB;
/** PutRecordBatch: at most 500 records and 4 MiB per call; cannot be raised [BC-F]. */
export const PUT_RECORD_BATCH_MAX_RECORDS = 500;
export const PUT_RECORD_BATCH_MAX_BYTES = 4 * MiB;

/**
 * Direct PUT throughput quota (PutRecord + PutRecordBatch together). The
 * sources disagree [facts B1]:
 * - the developer guide (2023-03, KDF-DG23 limits.md): 500,000 records/s,
 *   2,000 requests/s, 5 MiB/s in us-east-1, us-west-2, eu-west-1; 100,000 /
 *   1,000 / 1 MiB/s in the other listed Regions;
 * - the API reference (PutRecord docs, since 2015): 2,000 transactions/s,
 *   5,000 records/s or 5 MB/s.
 * The simulator follows the newer developer guide by default; the API
 * reference values can be chosen with `quotaSource: 'api-reference-2015'`.
 */
export const DIRECT_PUT_QUOTA_DEV_GUIDE_2023 = {
  bigRegions: { recordsPerSec: 500000, requestsPerSec: 2000, bytesPerSec: 5 * MiB },
  otherRegions: { recordsPerSec: 100000, requestsPerSec: 1000, bytesPerSec: 1 * MiB },
} as const;
export const DIRECT_PUT_QUOTA_API_REFERENCE_2015 = { recordsPerSec: 5000, requestsPerSec: 2000, bytesPerSec: 5 * 1000 * 1000 } as const;

export type QuotaSource = 'dev-guide-2023' | 'api-reference-2015';

/** The Direct PUT quota for a Region and source. */
export function directPutQuota(region: string, source: QuotaSource = 'dev-guide-2023'): { recordsPerSec: number; requestsPerSec: number; bytesPerSec: number } {
  if (source === 'api-reference-2015') return { ...DIRECT_PUT_QUOTA_API_REFERENCE_2015 };
  return { ...(BIG_REGIONS.includes(region) ? DIRECT_PUT_QUOTA_DEV_GUIDE_2023.bigRegions : DIRECT_PUT_QUOTA_DEV_GUIDE_2023.otherRegions) };
}

/** S3 BufferingHints [BC-F; facts B2]: SizeInMBs 1..128 default 5; IntervalInSeconds 0..900 default 300. */
export const S3_BUFFER_SIZE_MB = { min: 1, max: 128, default: 5 } as const;
/** The interval minimum was 60 until the 2023-12-14 model update (zero buffering); now 0. */
export const S3_BUFFER_INTERVAL_S = { min: 0, max: 900, default: 300, minBefore20231214: 60 } as const;
export const S3_BUFFER_INTERVAL_MIN_HISTORY = [
  { until: '2023-12-14', seconds: S3_BUFFER_INTERVAL_S.minBefore20231214 },
  { until: null, seconds: S3_BUFFER_INTERVAL_S.min },
] as const;
/** Record format conversion raises the minimum buffer size to 64 MiB and the default to 128 [KDF-DG23 record-format-conversion]. */
export const FORMAT_CONVERSION_MIN_BUFFER_MB = 64;
export const FORMAT_CONVERSION_DEFAULT_BUFFER_MB = 128;
/** Other destinations' buffering ranges [KDF-DG23; BC-F]. */
export const OPENSEARCH_BUFFER = { sizeMb: { min: 1, max: 100, default: 5 }, intervalS: { min: 0, max: 900, default: 300 } } as const;
export const HTTP_BUFFER = { sizeMb: { min: 1, max: 64, default: 5 }, intervalS: { min: 0, max: 900, default: 300 } } as const;
/** Splunk: fixed at 5 MB / 60 s in the 2023 docs (later models allow 1..5 MB / 0..60 s). */
export const SPLUNK_BUFFER = { sizeMb: { min: 1, max: 5, default: 5 }, intervalS: { min: 0, max: 60, default: 60 } } as const;

/** Dynamic partitioning: 500 active partitions per stream by default (raisable to 5,000) [KDF-DG23 limits]. */
export const DEFAULT_ACTIVE_PARTITION_LIMIT = 500;

/** S3 delivery is retried for up to 24 h, then the data is lost [KDF-DG23 basic-deliver]; Direct PUT keeps records 24 h. */
export const S3_RETRY_MAX_MS = 24 * 3600 * 1000;
/** The simulator retries a failed S3 write every 60 s of simulated time (AWS does not document the cadence). */
export const S3_RETRY_EVERY_MS = 60 * 1000;
/** Retry durations of the other destinations [BC-F; KDF-DG23 create-destination]. */
export const RETRY_DURATION_S = {
  Redshift: { min: 0, max: 7200, default: 3600 },
  OpenSearch: { min: 0, max: 7200, default: 300 },
  Splunk: { min: 0, max: 7200, default: 3600 },
  HttpEndpoint: { min: 0, max: 7200, default: 300 },
} as const;

/** CREATING -> ACTIVE takes a few seconds of simulated time (AWS: typically under a minute). */
export const CREATE_DELAY_MS = 5000;
export const DELETE_DELAY_MS = 5000;

/** ListDeliveryStreams: default Limit 10, max 10,000 [BC-F]. */
export const LIST_DEFAULT_LIMIT = 10;
export const LIST_MAX_LIMIT = 10000;
/** Tags per delivery stream: 50 [BC-F]. */
export const MAX_TAGS = 50;

/** Each evaluated prefix is at most 512 characters (the API field allows 1024) [KDF-DG23 s3-prefixes]. */
export const MAX_EVALUATED_PREFIX = 512;
export const MAX_PREFIX_FIELD = 1024;

/** Kinesis source: Firehose polls each shard once a second [KDF-DG23 writing-with-kinesis-streams]. */
export const KINESIS_POLL_MS = 1000;

/** Default object name extensions by compression format [s3-object-name doc; facts B3]. */
export const COMPRESSION_EXTENSIONS: Record<string, string> = {
  UNCOMPRESSED: '',
  GZIP: '.gz',
  ZIP: '.zip',
  Snappy: '.snappy',
  // The facts source is cut off for Hadoop-Snappy; Hadoop's SnappyCodec default extension is ".snappy".
  HADOOP_SNAPPY: '.snappy',
};
export const COMPRESSION_FORMATS = ['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY'] as const;
export type CompressionFormat = (typeof COMPRESSION_FORMATS)[number];

/** The error output types `!{firehose:error-output-type}` resolves to [KDF-DG23 s3-prefixes]. */
export type ErrorOutputType = 'processing-failed' | 'format-conversion-failed' | 'AmazonOpenSearchService-failed' | 'splunk-failed' | 'http-endpoint-failed';
