/**
 * Redshift, OpenSearch, Splunk and HTTP endpoint as simulated sinks
 * [BC-F; KDF-DG23 create-destination, basic-deliver; facts B2, B7]:
 * - each has its own buffering ranges and a RetryDuration (0..7200 s);
 * - a failed delivery is retried until RetryDuration runs out, then the
 *   records go to the S3 bucket under `<type>-failed/` (OpenSearch:
 *   AmazonOpenSearchService-failed, Splunk: splunk-failed, HTTP:
 *   http-endpoint-failed); with the All* backup mode every record is also
 *   written to S3;
 * - Redshift first writes an intermediate object to S3, then runs a COPY
 *   (with its own latency), retried every 5 minutes within RetryDuration;
 * - OpenSearch writes to an index that rotates by hour, day, week or month.
 */
import { parseLambdaProcessor, type ProcessorLike } from '../transform/processorParameters';
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkHints, compileS3Target, type S3Runtime } from '../s3DestinationConfig';
import { HTTP_BUFFER, MiB, OPENSEARCH_BUFFER, RETRY_DURATION_S, S3_BUFFER_INTERVAL_S, S3_BUFFER_SIZE_MB, SPLUNK_BUFFER, type ErrorOutputType } from '../constants';
import { checkInt } from '../../kinesis/validation';
import { formatPattern } from '../dateTimeFormat';
import { civilFromEpochMs } from '../calendar';
import type { BufferHints, Batch } from '../buffer';
import type { S3DestinationConfiguration } from '../types';

export type OtherKind = 'Redshift' | 'OpenSearch' | 'Splunk' | 'HttpEndpoint';

export interface OtherDestinationState {
  kind: OtherKind;
  hints: BufferHints;
  retryDurationMs: number;
  /** True for AllDocuments / AllEvents / AllData: every record is also backed up to S3. */
  backupAll: boolean;
  errorType: ErrorOutputType;
  /** Simulated time a delivery (or a Redshift COPY) takes. */
  latencyMs: number;
  retryEveryMs: number;
  indexName?: string;
  rotation?: string;
  /** What the sink has received: records per index (OpenSearch), rows (Redshift), events (Splunk), requests (HTTP). */
  received: Map<string, number>;
  requests: number;
}

/** Delivery latencies the simulator uses (AWS gives no fixed figures). */
export const SINK_LATENCY_MS: Record<OtherKind, number> = { Redshift: 30000, OpenSearch: 1000, Splunk: 1000, HttpEndpoint: 500 };
/** Redshift COPY retries every 5 minutes [KDF-DG23 basic-deliver]; the others retry after 10 s here. */
export const SINK_RETRY_EVERY_MS: Record<OtherKind, number> = { Redshift: 300000, OpenSearch: 10000, Splunk: 10000, HttpEndpoint: 10000 };


const ERROR_TYPES: Record<OtherKind, ErrorOutputType> = {
  Redshift: 'processing-failed', OpenSearch: 'AmazonOpenSearchService-failed', Splunk: 'splunk-failed', HttpEndpoint: 'http-endpoint-failed',
};
const BACKUP_ALL = ['AllDocuments', 'AllEvents', 'AllData'];

/** Validates one of the other destinations; returns its state and the compiled S3 bucket it backs up to. */
export function compileOther(kind: OtherKind, c: Record<string, unknown>, field: string): { other: OtherDestinationState; s3: S3Runtime } {
  const v = new ValidationErrors();
  const ranges = kind === 'OpenSearch' ? OPENSEARCH_BUFFER : kind === 'Splunk' ? SPLUNK_BUFFER : kind === 'HttpEndpoint' ? HTTP_BUFFER : { sizeMb: S3_BUFFER_SIZE_MB, intervalS: S3_BUFFER_INTERVAL_S };
  const h = checkHints(v, c.BufferingHints as never, `${field}.bufferingHints`, ranges.sizeMb, ranges.intervalS);
  const retry = (c.RetryOptions as { DurationInSeconds?: number } | undefined)?.DurationInSeconds;
  checkInt(v, retry, `${field}.retryOptions.durationInSeconds`, RETRY_DURATION_S[kind].min, RETRY_DURATION_S[kind].max);
  v.throwIfAny();
  const s3c = c.S3Configuration as S3DestinationConfiguration | undefined;
  if (s3c === undefined) throw new AwsError('InvalidArgumentException', `${kind} destination requires S3Configuration.`);
  // A Redshift destination's S3 Prefix cannot contain expressions [facts B3].
  if (kind === 'Redshift' && typeof s3c.Prefix === 'string' && s3c.Prefix.includes('!{')) {
    throw new AwsError('InvalidArgumentException', 'Prefix of the Redshift intermediate S3 configuration cannot contain expressions.');
  }
  if (kind === 'Redshift' && s3c.CompressionFormat !== undefined && s3c.CompressionFormat !== 'UNCOMPRESSED' && s3c.CompressionFormat !== 'GZIP') {
    throw new AwsError('InvalidArgumentException', 'Redshift destinations support only UNCOMPRESSED or GZIP compression [BC-F].');
  }
  const target = compileS3Target(s3c, `${field}.s3Configuration`);
  const other: OtherDestinationState = {
    kind,
    // Redshift buffers by its intermediate S3Configuration's BufferingHints [BC-F].
    hints: kind === 'Redshift' ? target.hints : { sizeBytes: h.sizeMb * MiB, intervalMs: h.intervalS * 1000 },
    retryDurationMs: (retry ?? RETRY_DURATION_S[kind].default) * 1000,
    backupAll: BACKUP_ALL.includes(String(c.S3BackupMode)),
    errorType: ERROR_TYPES[kind],
    latencyMs: SINK_LATENCY_MS[kind],
    retryEveryMs: SINK_RETRY_EVERY_MS[kind],
    received: new Map(),
    requests: 0,
  };
  if (kind === 'OpenSearch') {
    other.indexName = String(c.IndexName ?? 'index');
    other.rotation = String(c.IndexRotationPeriod ?? 'OneDay');
  }
  // A Lambda processor transforms records before the sink, buffered by its own parameters (Splunk's default 0.256 MB) [facts B5].
  const processing = (c.ProcessingConfiguration as { Enabled?: boolean; Processors?: ProcessorLike[] } | undefined);
  const lambda = processing?.Enabled === true ? processing.Processors?.find((p) => p.Type === 'Lambda') : undefined;
  if (lambda !== undefined) parseLambdaProcessor(lambda, kind === 'Splunk' ? 'Splunk' : 'Other');
  const s3: S3Runtime = {
    ...target, extension: '', offsetMinutes: 0, dynamicPartitioning: false, queryKeys: [], appendDelimiter: false, formatConversion: false,
    backup: target,
  };
  if (lambda !== undefined) s3.lambda = lambda as S3Runtime['lambda'];
  return { other, s3 };
}

/** The OpenSearch index a batch goes to, by IndexRotationPeriod (NoRotation, OneHour, OneDay, OneWeek, OneMonth). */
export function rotatedIndex(o: OtherDestinationState, time: number): string {
  const name = o.indexName ?? 'index';
  switch (o.rotation) {
    case 'OneHour': return `${name}-${formatPattern('yyyy-MM-dd-HH', time)}`;
    case 'OneDay': return `${name}-${formatPattern('yyyy-MM-dd', time)}`;
    case 'OneWeek': return `${name}-${weekOf(time)}`;
    case 'OneMonth': return `${name}-${formatPattern('yyyy-MM', time)}`;
    default: return name;
  }
}

/** Week label yyyy-'w'ww, weeks starting on Monday, week 1 holding the year's first Monday. */
function weekOf(time: number): string {
  const t = civilFromEpochMs(time);
  return `${t.year}-w${String(Math.floor((t.dayOfYear - t.dayOfWeek + 7) / 7)).padStart(2, '0')}`;
}

export type { Batch };
