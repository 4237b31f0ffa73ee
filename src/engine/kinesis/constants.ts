/**
 * Kinesis Data Streams limits, each with the AWS source it comes from
 * (see ../shared/kinesis-facts.md). Where a value changed over the years the
 * old value stays beside the current one with its date: study material still
 * quotes the old ones, and the UI says so.
 */

import { BIG_REGIONS, KiB, MiB } from '../core/units';

export { BIG_REGIONS, KiB, MiB };

/** Hash keys are integers 0..2^128-1 [BC-K HashKey]. */
export const HASH_KEY_MAX = (1n << 128n) - 1n;
export const HASH_KEY_SPACE = 1n << 128n;

/** Per-shard write limit: 1 MiB/s, data plus partition key [KDS quotas; Q-now]. */
export const SHARD_WRITE_BYTES_PER_SEC = 1 * MiB;
/** Per-shard write limit: 1,000 records/s [KDS quotas; Q-now]. */
export const SHARD_WRITE_RECORDS_PER_SEC = 1000;
/** Per-shard shared read limit: 2 MiB/s [BC-K GetRecords]. */
export const SHARD_READ_BYTES_PER_SEC = 2 * MiB;
/** Per-shard shared read limit: 5 GetRecords calls/s [BC-K GetRecords]. */
export const SHARD_READ_CALLS_PER_SEC = 5;
/** GetRecords returns at most 10,000 records per call (Limit 1..10000) [BC-K]. */
export const GET_RECORDS_MAX_RECORDS = 10000;
/** GetRecords returns at most 10 MiB per call; calls in the next 5 s are then throttled [BC-K]. */
export const GET_RECORDS_MAX_BYTES = 10 * MiB;
/** After a throttled read, calls in the next 1 s are throttled too [BC-K GetRecords]. */
export const READ_THROTTLE_PENALTY_MS = 1000;
/** Enhanced fan-out: 2 MiB/s per consumer per shard [BC-K SubscribeToShard]. */
export const EFO_BYTES_PER_SEC = 2 * MiB;
/** A SubscribeToShard subscription lasts at most 5 minutes [BC-K]. */
export const EFO_SUBSCRIPTION_MS = 5 * 60 * 1000;
/** SubscribeToShard again for the same consumer and shard within 5 s of a successful call: ResourceInUseException; after 5 s it takes over [BC-K]. */
export const EFO_RESUBSCRIBE_MS = 5000;
/** Registered consumers per stream: 20 (50 on On-demand Advantage, 2025) [BC-K]. */
export const MAX_CONSUMERS_PER_STREAM = 20;
/** At most 5 consumers CREATING at once [BC-K RegisterStreamConsumer]. */
export const MAX_CONSUMERS_CREATING = 5;

/** Shard iterators expire 5 minutes after they are issued [BC-K GetShardIterator]. */
export const ITERATOR_TTL_MS = 300000;

/** Partition key: 1..256 Unicode characters [BC-K PartitionKey]; 2013-2015 SDK docs said "256 bytes". */
export const PARTITION_KEY_MAX_CHARS = 256;
/** Default maximum record size, data plus partition key: 1 MiB [BC-K]. */
export const DEFAULT_MAX_RECORD_SIZE_KIB = 1024;
/** Per-stream MaxRecordSizeInKiB range since 2025-10-27: 1024..10240 [BC-K; large-records page]. */
export const MAX_RECORD_SIZE_KIB_RANGE = [1024, 10240] as const;
/** Record blob maximum history [BC-K]: 50 KB until 2015-09, 1 MiB from 2015-09, configurable to 10 MiB from 2025-10. */
export const RECORD_SIZE_HISTORY = [
  { until: '2015-09', bytes: 51200 },
  { until: '2025-10', bytes: 1 * MiB },
  { until: null, bytes: 10 * MiB, note: 'per stream via MaxRecordSizeInKiB; default stays 1 MiB' },
] as const;

/** PutRecords: 1..500 entries (since launch, 2014-12) [BC-K]. */
export const PUT_RECORDS_MAX_ENTRIES = 500;
/** PutRecords request size: 10 MiB since 2025-10 [BC-K]. */
export const PUT_RECORDS_MAX_BYTES = 10 * MiB;
/** PutRecords request size before 2025-10: 5 MiB (documented from 2015-09) [BC-K history]. */
export const PUT_RECORDS_MAX_BYTES_2015 = 5 * MiB;
/** PutRecords request size history [BC-K history; facts D]: no size stated at launch (2014-12), 5 MiB from 2015-09, 10 MiB from 2025-10. */
export const PUT_RECORDS_MAX_BYTES_HISTORY = [
  { until: '2015-09', bytes: null, note: 'no request size stated at launch (2014-12)' },
  { until: '2025-10', bytes: PUT_RECORDS_MAX_BYTES_2015 },
  { until: null, bytes: PUT_RECORDS_MAX_BYTES },
] as const;

/** Retention: default 24 h, 24..8760 h [BC-K; KDS-DG22]. */
export const DEFAULT_RETENTION_HOURS = 24;
export const MIN_RETENTION_HOURS = 24;
export const MAX_RETENTION_HOURS = 8760;
/** Retention maximum history: 24 h fixed (2013), 168 h from 2015-10, 8760 h from 2020-11. */
export const RETENTION_MAX_HISTORY = [
  { until: '2015-10', hours: 24 },
  { until: '2020-11', hours: 168 },
  { until: null, hours: 8760 },
] as const;

/** The rolling 24-hour window, ms, over which UpdateShardCount and UpdateStreamMode calls are counted [BC-K; KDS-DG22]. */
export const ROLLING_DAY_MS = 24 * 3600 * 1000;
/** UpdateShardCount: at most 10 calls per rolling 24 h (docs 2020-08; 2 in the 2018 docs) [BC-K]. */
export const UPDATE_SHARD_COUNT_CALLS_PER_DAY = 10;
export const UPDATE_SHARD_COUNT_CALLS_PER_DAY_2018 = 2;
/** UpdateShardCount calls per rolling 24 h: 2 in the 2018 docs, 10 from the 2020-08 docs [BC-K history; facts D]. */
export const UPDATE_SHARD_COUNT_CALLS_HISTORY = [
  { until: '2020-08', calls: UPDATE_SHARD_COUNT_CALLS_PER_DAY_2018, note: 'the figure in the 2018 docs' },
  { until: null, calls: UPDATE_SHARD_COUNT_CALLS_PER_DAY },
] as const;
/** UpdateShardCount: at most 10,000 shards per stream (500 until 2021-11) [BC-K]. */
export const UPDATE_SHARD_COUNT_MAX_SHARDS = 10000;
export const UPDATE_SHARD_COUNT_MAX_SHARDS_2021 = 500;
export const UPDATE_SHARD_COUNT_MAX_SHARDS_HISTORY = [
  { until: '2021-11', shards: UPDATE_SHARD_COUNT_MAX_SHARDS_2021 },
  { until: null, shards: UPDATE_SHARD_COUNT_MAX_SHARDS },
] as const;
/** UpdateStreamMode: twice per stream per rolling 24 h [KDS-DG22]. */
export const UPDATE_STREAM_MODE_CALLS_PER_DAY = 2;

/**
 * Default shard quota per account and Region: 20,000 in us-east-1, us-west-2
 * and eu-west-1, 1,000 or 6,000 elsewhere (current) [Q-now]; it was 500/200
 * in the 2017-2022 docs, and 2, 5, 10 in 2014.
 */
/** The current default shard quota of a Region [Q-now]: 20,000 in the big three, else 1,000. */
export function defaultShardQuota(region: string): number {
  return BIG_REGIONS.includes(region) ? 20000 : 1000;
}
export const SHARD_QUOTA_HISTORY = [
  { until: '2014-01-28', shards: 2 },
  { until: '2014-02-25', shards: 5 },
  { until: '2017', shards: 10 },
  { until: '2022', shards: 500, note: '200 outside us-east-1, us-west-2, eu-west-1' },
  { until: null, shards: 20000, note: '1,000 or 6,000 outside us-east-1, us-west-2, eu-west-1' },
] as const;

/** At most 5 streams CREATING at once [BC-K CreateStream]. */
export const MAX_STREAMS_CREATING = 5;
/** Stream names: 1..128 characters of [a-zA-Z0-9_.-] [BC-K]. */
export const STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const STREAM_NAME_MAX = 128;

/** ListShards: at most 1000 results per call; NextToken expires after 300 s [BC-K]. */
export const LIST_SHARDS_MAX_RESULTS = 1000;
export const LIST_SHARDS_INPUT_MAX = 10000;
export const NEXT_TOKEN_TTL_MS = 300000;
/** DescribeStream: at most 100 shards per call [BC-K]. */
export const DESCRIBE_STREAM_MAX_SHARDS = 100;
/** ListStreams: default Limit 100 [BC-K]. */
export const LIST_STREAMS_DEFAULT_LIMIT = 100;

/**
 * On-demand: a new stream starts with 4 MB/s and 4,000 records/s of write (8 MB/s read), and
 * accommodates up to 2x its previous peak of the last 30 days [KDS FAQ; Q-now]; see onDemandCapacity.ts.
 * (The facts file's "a shard over 500 KB/s is split within 15 minutes" was not found in AWS's current pages.)
 */
export const ON_DEMAND_INITIAL_SHARDS = 4;
/** The simulator's choice inside AWS's "within 15 minutes": a stream resizes 5 minutes after the minute that moved its target. */
export const ON_DEMAND_SPLIT_DELAY_MS = 5 * 60 * 1000;
/** On-demand write ceiling per stream: 10 GB/s in the three big Regions, 200 MB/s elsewhere (2022 text: 200 MB/s everywhere) [Q-now]. */
export function onDemandMaxWriteBytesPerSec(region: string): number {
  return BIG_REGIONS.includes(region) ? 10 * 1000 * MiB : 200 * MiB;
}

/**
 * Simulated control-plane delays. AWS gives no exact figure; these are the
 * simulator's choices, short enough to watch and long enough to see.
 */
export const DEFAULT_DELAYS = {
  createStreamMs: 10000,
  deleteStreamMs: 5000,
  updateStreamMs: 10000,
  registerConsumerMs: 5000,
  deregisterConsumerMs: 5000,
};
