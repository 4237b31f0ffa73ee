/**
 * The rows of the Limits tab: each limit the simulator enforces, its value
 * now, the AWS source key (see /work/shared/kinesis-facts.md) and, where the
 * value moved over the years, what older study material may still quote.
 * Built only from the engine's constants, so the tab cannot drift from what
 * the engine enforces. Plain strings, rendered as text (never HTML).
 */
import { kinesisLimits as K, firehoseLimits as F, analyticsLimits as A } from '../../engine';

export interface LimitRow {
  id: string;
  service: string;
  limit: string;
  /** The value the simulator enforces now. */
  value: string;
  /** Source keys of the facts file, e.g. "BC-K; KDS-DG22". */
  source: string;
  /** One sentence per older value, newest first; empty when no change is recorded. */
  history: string[];
}

const intFmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const int = (n: number) => intFmt.format(n);

/** Exact sizes: 10485760 -> "10 MiB", 51200 -> "50 KiB", 5000000 -> "5 MB". */
export function exactBytes(n: number): string {
  if (n % K.MiB === 0) return `${int(n / K.MiB)} MiB`;
  if (n % 1_000_000 === 0) return `${int(n / 1_000_000)} MB`;
  if (n % K.KiB === 0) return `${int(n / K.KiB)} KiB`;
  return `${int(n)} bytes`;
}

/** 168 -> "168 hours (7 days)"; 24 -> "24 hours". */
export function hours(h: number): string {
  return h >= 48 && h % 24 === 0 ? `${int(h)} hours (${int(h / 24)} days)` : `${int(h)} hours`;
}

/** One era of a value: in force until `until` (null: still in force). */
interface Era<V> {
  until: string | null;
  value: V | null;
  note?: string;
}

/**
 * "Study material may quote X: that was the <what> from A to B." for every
 * era but the current one, newest first. An era without a value (nothing
 * stated then) becomes "Before B: <note>."
 */
export function studyLines<V>(eras: readonly Era<V>[], format: (v: V) => string, what: string): string[] {
  const lines: string[] = [];
  for (let i = eras.length - 2; i >= 0; i--) {
    const { until, value, note } = eras[i];
    const from = i > 0 ? eras[i - 1].until : null;
    if (value === null) {
      lines.push(`Before ${until}: ${note ?? 'no value stated'}.`);
      continue;
    }
    const span = from === null ? `until ${until}` : `from ${from} to ${until}`;
    lines.push(`Study material may quote ${format(value)}: that was the ${what} ${span}${note ? ` (${note})` : ''}.`);
  }
  return lines;
}

/** The note of a history entry, when it has one (the constants' entries are `as const` unions). */
function noteOf(e: object): string | undefined {
  return 'note' in e && typeof e.note === 'string' ? e.note : undefined;
}

const KDS = 'Kinesis Data Streams';
const FIREHOSE = F.SERVICE_NAME_HISTORY[F.SERVICE_NAME_HISTORY.length - 1].name;
const bigRegions = K.BIG_REGIONS.join(', ');

function kinesisRows(): LimitRow[] {
  const quotaNow = K.SHARD_QUOTA_HISTORY[K.SHARD_QUOTA_HISTORY.length - 1];
  return [
    {
      id: 'shard-write',
      service: KDS,
      limit: 'Writes per shard',
      value: `${exactBytes(K.SHARD_WRITE_BYTES_PER_SEC)}/s and ${int(K.SHARD_WRITE_RECORDS_PER_SEC)} records/s (data plus partition key)`,
      source: 'Q-now',
      history: [],
    },
    {
      id: 'shard-read',
      service: KDS,
      limit: 'Reads per shard (shared by all GetRecords callers)',
      value: `${exactBytes(K.SHARD_READ_BYTES_PER_SEC)}/s and ${int(K.SHARD_READ_CALLS_PER_SEC)} GetRecords calls/s`,
      source: 'BC-K',
      history: [],
    },
    {
      id: 'get-records',
      service: KDS,
      limit: 'GetRecords per call',
      value: `${int(K.GET_RECORDS_MAX_RECORDS)} records or ${exactBytes(K.GET_RECORDS_MAX_BYTES)}`,
      source: 'BC-K',
      history: [],
    },
    {
      id: 'efo',
      service: KDS,
      limit: 'Enhanced fan-out',
      value: `${exactBytes(K.EFO_BYTES_PER_SEC)}/s per consumer per shard; ${int(K.MAX_CONSUMERS_PER_STREAM)} consumers per stream`,
      source: 'BC-K',
      history: [],
    },
    {
      id: 'partition-key',
      service: KDS,
      limit: 'Partition key length',
      value: `1 to ${int(K.PARTITION_KEY_MAX_CHARS)} characters`,
      source: 'BC-K',
      history: [],
    },
    {
      id: 'record-size',
      service: KDS,
      limit: 'Record size (data plus partition key)',
      value: `${exactBytes(K.DEFAULT_MAX_RECORD_SIZE_KIB * K.KiB)} by default; up to ${exactBytes(K.MAX_RECORD_SIZE_KIB_RANGE[1] * K.KiB)} per stream (MaxRecordSizeInKiB)`,
      source: 'BC-K',
      history: studyLines<number>(K.RECORD_SIZE_HISTORY.map((e) => ({ until: e.until, value: e.bytes })), exactBytes, 'maximum'),
    },
    {
      id: 'put-records-entries',
      service: KDS,
      limit: 'PutRecords entries per request',
      value: `1 to ${int(K.PUT_RECORDS_MAX_ENTRIES)}`,
      source: 'BC-K',
      history: [],
    },
    {
      id: 'put-records-bytes',
      service: KDS,
      limit: 'PutRecords request size',
      value: `${exactBytes(K.PUT_RECORDS_MAX_BYTES)} per request`,
      source: 'BC-K',
      history: studyLines<number>(K.PUT_RECORDS_MAX_BYTES_HISTORY.map((e) => ({ until: e.until, value: e.bytes, note: noteOf(e) })), exactBytes, 'maximum'),
    },
    {
      id: 'retention',
      service: KDS,
      limit: 'Retention period',
      value: `${hours(K.MIN_RETENTION_HOURS)} to ${hours(K.MAX_RETENTION_HOURS)}; default ${hours(K.DEFAULT_RETENTION_HOURS)}`,
      source: 'BC-K; KDS-DG22',
      history: studyLines<number>(K.RETENTION_MAX_HISTORY.map((e) => ({ until: e.until, value: e.hours })), hours, 'maximum'),
    },
    {
      id: 'iterator',
      service: KDS,
      limit: 'Shard iterator lifetime',
      value: `${int(K.ITERATOR_TTL_MS / 60000)} minutes`,
      source: 'BC-K',
      history: [],
    },
    {
      id: 'update-shard-count-calls',
      service: KDS,
      limit: 'UpdateShardCount calls',
      value: `${int(K.UPDATE_SHARD_COUNT_CALLS_PER_DAY)} per stream per rolling 24 hours`,
      source: 'BC-K',
      history: studyLines<number>(
        K.UPDATE_SHARD_COUNT_CALLS_HISTORY.map((e) => ({ until: e.until, value: e.calls, note: noteOf(e) })),
        (n) => `${int(n)} calls per 24 hours`,
        'limit',
      ),
    },
    {
      id: 'update-shard-count-max',
      service: KDS,
      limit: 'Shards per stream via UpdateShardCount',
      value: int(K.UPDATE_SHARD_COUNT_MAX_SHARDS),
      source: 'BC-K',
      history: studyLines<number>(K.UPDATE_SHARD_COUNT_MAX_SHARDS_HISTORY.map((e) => ({ until: e.until, value: e.shards })), int, 'maximum'),
    },
    {
      id: 'update-stream-mode',
      service: KDS,
      limit: 'UpdateStreamMode calls',
      value: `${int(K.UPDATE_STREAM_MODE_CALLS_PER_DAY)} per stream per rolling 24 hours`,
      source: 'KDS-DG22',
      history: [],
    },
    {
      id: 'shard-quota',
      service: KDS,
      limit: 'Shard quota per account and Region (default)',
      value: `${int(K.defaultShardQuota(K.BIG_REGIONS[0]))} in ${bigRegions}; ${int(K.defaultShardQuota('other'))} in other Regions (AWS: ${noteOf(quotaNow)})`,
      source: 'Q-now',
      history: studyLines<number>(
        K.SHARD_QUOTA_HISTORY.map((e) => ({ until: e.until, value: e.shards, note: noteOf(e) })),
        (n) => `${int(n)} shards`,
        'default quota',
      ),
    },
  ];
}

function firehoseRows(): LimitRow[] {
  const big = F.DIRECT_PUT_QUOTA_DEV_GUIDE_2023.bigRegions;
  const other = F.DIRECT_PUT_QUOTA_DEV_GUIDE_2023.otherRegions;
  const api = F.DIRECT_PUT_QUOTA_API_REFERENCE_2015;
  return [
    {
      id: 'firehose-record',
      service: FIREHOSE,
      limit: 'Record size (before base64)',
      value: exactBytes(F.MAX_RECORD_BYTES),
      source: 'BC-F',
      history: [],
    },
    {
      id: 'firehose-batch',
      service: FIREHOSE,
      limit: 'PutRecordBatch per call',
      value: `${int(F.PUT_RECORD_BATCH_MAX_RECORDS)} records and ${exactBytes(F.PUT_RECORD_BATCH_MAX_BYTES)}`,
      source: 'BC-F',
      history: [],
    },
    {
      id: 'firehose-direct-put',
      service: FIREHOSE,
      limit: 'Direct PUT throughput (PutRecord and PutRecordBatch together)',
      value:
        `${int(big.recordsPerSec)} records/s, ${int(big.requestsPerSec)} requests/s, ${exactBytes(big.bytesPerSec)}/s in ${F.BIG_REGIONS.join(', ')}; ` +
        `${int(other.recordsPerSec)} records/s, ${int(other.requestsPerSec)} requests/s, ${exactBytes(other.bytesPerSec)}/s elsewhere`,
      source: 'KDF-DG23; BC-F',
      history: [
        `Study material may quote ${int(api.recordsPerSec)} records/s, ${int(api.requestsPerSec)} requests/s or ${exactBytes(api.bytesPerSec)}/s: ` +
          `that is the API reference's figure (since 2015), which still disagrees with the 2023 developer guide; the simulator uses it when quotaSource is api-reference-2015.`,
      ],
    },
    {
      id: 'firehose-buffer-size',
      service: FIREHOSE,
      limit: 'S3 buffer size (SizeInMBs)',
      value: `${int(F.S3_BUFFER_SIZE_MB.min)} to ${int(F.S3_BUFFER_SIZE_MB.max)} MB; default ${int(F.S3_BUFFER_SIZE_MB.default)} MB`,
      source: 'BC-F',
      history: [],
    },
    {
      id: 'firehose-buffer-interval',
      service: FIREHOSE,
      limit: 'S3 buffer interval (IntervalInSeconds)',
      value: `${int(F.S3_BUFFER_INTERVAL_S.min)} to ${int(F.S3_BUFFER_INTERVAL_S.max)} seconds; default ${int(F.S3_BUFFER_INTERVAL_S.default)}`,
      source: 'BC-F',
      history: studyLines<number>(F.S3_BUFFER_INTERVAL_MIN_HISTORY.map((e) => ({ until: e.until, value: e.seconds })), (s) => `${int(s)} seconds`, 'minimum'),
    },
    {
      id: 'firehose-name',
      service: FIREHOSE,
      limit: 'Service name',
      value: FIREHOSE,
      source: 'facts D',
      history: studyLines<string>(F.SERVICE_NAME_HISTORY.map((e) => ({ until: e.until, value: e.name, note: noteOf(e) })), (s) => s, 'name'),
    },
  ];
}

const ANALYTICS = 'Kinesis Data Analytics / Managed Service for Apache Flink';
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function analyticsRows(): LimitRow[] {
  return [
    {
      id: 'analytics-sql-retirement',
      service: ANALYTICS,
      limit: 'Legacy SQL applications (RuntimeEnvironment SQL-1_0)',
      value: `No new SQL applications from ${isoDay(A.SQL_NO_NEW_APPS_FROM)} (CreateApplication answers UnsupportedOperationException on the simulated clock); deleted from ${isoDay(A.SQL_APPS_DELETED_FROM)} (the simulator deletes them then and refuses StartApplication)`,
      source: 'LIVE',
      history: ['Study material teaches Kinesis Data Analytics for SQL ("real-time SQL with windowing") as current: it was until 2025; Amazon Managed Service for Apache Flink (the service\'s name since 2023-08-30) is the successor.'],
    },
    {
      id: 'analytics-kpus',
      service: ANALYTICS,
      limit: 'KPUs per application',
      value: `${int(A.DEFAULT_KPU_QUOTA)} (Parallelism / ParallelismPerKPU, plus ${int(A.ORCHESTRATION_KPUS)} orchestration KPU; Studio ${int(A.STUDIO_EXTRA_KPUS)} more); SQL applications ${int(A.SQL_KPU_QUOTA)}`,
      source: 'BC-KA2; KDA-FL23',
      history: ['The 2021-2023 developer guide gives 32 KPUs per application; the API text says 64 since 2025-08-20.'],
    },
    {
      id: 'analytics-parallelism-per-kpu',
      service: ANALYTICS,
      limit: 'ParallelismPerKPU',
      value: `1 to ${int(A.MAX_PARALLELISM_PER_KPU)}; default ${int(A.DEFAULT_PARALLELISM_PER_KPU)}`,
      source: 'KDA-FL23',
      history: [],
    },
    {
      id: 'analytics-checkpoints',
      service: ANALYTICS,
      limit: 'Checkpoints (CheckpointConfiguration DEFAULT)',
      value: `every ${int(A.CHECKPOINT_INTERVAL_MS / 1000)} s, ${int(A.MIN_PAUSE_BETWEEN_CHECKPOINTS_MS / 1000)} s minimum pause`,
      source: 'BC-KA2',
      history: [],
    },
    {
      id: 'analytics-autoscaling',
      service: ANALYTICS,
      limit: 'Autoscaling',
      value: `doubles parallelism at >= ${int(A.SCALE_UP_CPU * 100)}% CPU for ${int(A.SCALE_UP_MINUTES)} minutes; halves it below ${int(A.SCALE_DOWN_CPU * 100)}% for ${int(A.SCALE_DOWN_MINUTES / 60)} hours`,
      source: 'LIVE',
      history: [],
    },
    {
      id: 'analytics-outputs',
      service: ANALYTICS,
      limit: 'SQL application inputs and outputs',
      value: `${int(A.MAX_INPUTS)} streaming input (InputParallelism up to ${int(A.MAX_INPUT_PARALLELISM)}), ${int(A.MAX_OUTPUTS)} destinations; code up to ${int(A.MAX_CODE_CHARS)} characters`,
      source: 'KDA-SQL19',
      history: [],
    },
    {
      id: 'analytics-snapshots',
      service: ANALYTICS,
      limit: 'Snapshots per application',
      value: int(A.MAX_SNAPSHOTS),
      source: 'KDA-FL23',
      history: [],
    },
  ];
}

/** Every row of the Limits tab, Kinesis Data Streams first. */
export function limitRows(): LimitRow[] {
  return [...kinesisRows(), ...firehoseRows(), ...analyticsRows()];
}

/** What the source keys mean (section "Source keys" of the facts file). */
export const SOURCE_KEYS: ReadonlyArray<{ key: string; text: string }> = [
  { key: 'BC-K', text: 'botocore Kinesis API model (2013-12-02) and its git history' },
  { key: 'BC-F', text: 'botocore Firehose API model (2015-08-04) and its git history' },
  { key: 'KDS-DG22', text: 'Kinesis Data Streams developer guide, 2022-08-31' },
  { key: 'KDF-DG23', text: 'Kinesis Data Firehose developer guide, 2023-03-07' },
  { key: 'Q-now', text: 'current Kinesis Data Streams quotas page' },
  { key: 'facts D', text: 'the change log of the project facts file' },
  { key: 'BC-KA2', text: 'botocore kinesisanalyticsv2 API model (2018-05-23) and its git history' },
  { key: 'KDA-SQL19', text: 'Kinesis Data Analytics SQL developer guide, 2019-05-14' },
  { key: 'KDA-FL23', text: 'Kinesis Data Analytics for Apache Flink developer guide, 2023-04-18' },
  { key: 'LIVE', text: 'the current AWS documentation page (SQL guide banner; Managed Flink automatic scaling)' },
];

/** The hint beside the retention field in the inspector. */
export function retentionHint(): string {
  const old = K.RETENTION_MAX_HISTORY[K.RETENTION_MAX_HISTORY.length - 2];
  const from = K.RETENTION_MAX_HISTORY[K.RETENTION_MAX_HISTORY.length - 3]?.until;
  return (
    `Retention runs from ${hours(K.MIN_RETENTION_HOURS)} to ${hours(K.MAX_RETENTION_HOURS)}; past ${hours(K.DEFAULT_RETENTION_HOURS)} it is billed as extended retention. ` +
    `Older study material gives ${hours(old.hours)} as the maximum: that was true from ${from} to ${old.until}.`
  );
}

/** The hint beside the target shard count in the inspector. */
export function updateShardCountHint(): string {
  const old = K.UPDATE_SHARD_COUNT_CALLS_HISTORY[0];
  return (
    `UpdateShardCount: at most ${int(K.UPDATE_SHARD_COUNT_CALLS_PER_DAY)} calls per stream per rolling 24 hours ` +
    `(older study material says ${int(old.calls)}: that was the limit until ${old.until}); ` +
    `each call at most doubles or halves the open shards, up to ${int(K.UPDATE_SHARD_COUNT_MAX_SHARDS)} shards.`
  );
}
