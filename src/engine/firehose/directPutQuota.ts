/**
 * The Direct PUT quota: records/s, bytes/s and requests/s for PutRecord and
 * PutRecordBatch together, as token buckets holding one second's worth.
 * Past it, PutRecord fails (and PutRecordBatch entries fail) with
 * ServiceUnavailableException, a 5xx fault the SDKs retry [BC-F; facts B1].
 */
import { AwsError } from '../core/errors';
import { TokenBucket } from '../kinesis/throughput';
import { directPutQuota, type QuotaSource } from './constants';
import type { DeliveryStreamState } from './deliveryStreamModel';

/** The message Firehose gives when throttling ("Slow down."). */
export const SLOW_DOWN = 'Slow down.';

/** Full token buckets for the Region's Direct PUT quota under `source`. */
export function createQuota(region: string, source: QuotaSource, now: number): DeliveryStreamState['quota'] {
  const q = directPutQuota(region, source);
  return {
    records: new TokenBucket(q.recordsPerSec, q.recordsPerSec, now),
    bytes: new TokenBucket(q.bytesPerSec, q.bytesPerSec, now),
    requests: new TokenBucket(q.requestsPerSec, q.requestsPerSec, now),
  };
}

/** The ServiceUnavailableException ("Slow down.", HTTP 503) Firehose gives past its quota. */
export function throttled(): AwsError {
  return new AwsError('ServiceUnavailableException', SLOW_DOWN, 503);
}

/** Takes one request; false when the requests/s quota is spent. */
export function takeRequest(st: DeliveryStreamState, now: number): boolean {
  const r = st.quota.requests;
  r.refill(now);
  if (r.level < 1) return false;
  r.level -= 1;
  return true;
}

/** Takes one record of `size` bytes; false when the records/s or bytes/s quota is spent. */
export function takeRecord(st: DeliveryStreamState, now: number, size: number): boolean {
  const { records, bytes } = st.quota;
  records.refill(now);
  bytes.refill(now);
  if (records.level < 1 || bytes.level < size) return false;
  records.level -= 1;
  bytes.level -= size;
  return true;
}

/** Takes up to `count` records of `size` bytes at once (bulk); returns how many fit. */
export function takeRecords(st: DeliveryStreamState, now: number, count: number, size: number): number {
  const { records, bytes } = st.quota;
  records.refill(now);
  bytes.refill(now);
  const n = Math.max(0, Math.min(count, Math.floor(records.level), size > 0 ? Math.floor(bytes.level / size) : count));
  records.level -= n;
  bytes.level -= n * size;
  return n;
}
