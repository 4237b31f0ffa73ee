/**
 * GetRecords: up to 10,000 records or 10 MiB from a shard iterator [BC-K].
 * Shared read limits per shard: 5 calls/s and 2 MiB/s. A large read leaves the
 * shard's read budget in debt, so after a 10 MiB read calls in the next ~5 s
 * are throttled; after any throttle, calls in the next 1 s are throttled too.
 * At the end of a closed shard NextShardIterator is null and ChildShards are given.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { toAmzUtcString } from '../../core/amzDate';
import { findShard, findStream, rateExceededMessage, retentionCutoff, type KinesisContext } from '../context';
import { checkInt, checkString } from '../validation';
import { decodeIterator, encodeIterator } from '../shardIterator';
import { shardSequenceNumber, type ShardState } from '../shardModel';
import { expireShards } from '../retention';
import { admitRead, chargeRead } from '../readLimits';
import { encryptionAt, encryptionField, type StreamState } from '../streamModel';
import {
  GET_RECORDS_MAX_BYTES,
  GET_RECORDS_MAX_RECORDS,
  ITERATOR_TTL_MS,
} from '../constants';
import type { ChildShard, GetRecordsInput, GetRecordsOutput, KinesisRecord } from '../types';

export function getRecords(ctx: KinesisContext, input: GetRecordsInput): GetRecordsOutput {
  const v = new ValidationErrors();
  // Limit is 1..10000 in the API model [BC-K], checked with the other fields before the operation runs, so
  // 10001 is a ValidationException: AWS answered so to kinesalite's suite ("Value '100000' at 'limit' ...",
  // listed before shardIterator). The API reference's prose (and facts A3) say InvalidArgumentException;
  // that check is unreachable behind the model's constraint.
  checkInt(v, input.Limit, 'limit', 1, GET_RECORDS_MAX_RECORDS);
  checkString(v, input.ShardIterator, 'shardIterator', 1, 512, true);
  v.throwIfAny();
  const secret = String(ctx.core.seed);
  const it = decodeIterator(input.ShardIterator, secret);
  const now = ctx.core.now();
  if (now - it.issuedAt > ITERATOR_TTL_MS) {
    throw new AwsError(
      'ExpiredIteratorException',
      // AWS prints both times as Java dates in UTC [kinesalite getRecords.js, matching AWS].
      `Iterator expired. The iterator was created at time ${toAmzUtcString(it.issuedAt)} while right now it is ${toAmzUtcString(now)} which is further in the future than the tolerated delay of ${ITERATOR_TTL_MS} milliseconds.`,
    );
  }
  const s = findStream(ctx, { StreamName: it.stream });
  expireShards(ctx, s);
  const shard = findShard(ctx, s, it.shardId);

  if (!admitRead(now, shard)) {
    shard.counters.readThrottledCalls++;
    ctx.core.events.emit({ type: 'throttled', time: now, stream: s.name, shardId: shard.shardId, direction: 'read', records: 0 });
    throw new AwsError('ProvisionedThroughputExceededException', rateExceededMessage(ctx, s, shard.shardId));
  }

  const { records, next, bytes } = readRange(ctx, s, shard, it.position, input.Limit ?? GET_RECORDS_MAX_RECORDS, GET_RECORDS_MAX_BYTES);
  chargeRead(shard, records.length, bytes);
  s.apiCounts.getRecordsSuccess++;

  const store = shard.store;
  const atEnd = next >= store.nextIndex;
  const out: GetRecordsOutput = {
    Records: records,
    NextShardIterator: null,
    MillisBehindLatest: atEnd ? 0 : Math.max(0, now - store.arrivalAt(next)),
  };
  if (atEnd && shard.closedAt !== undefined) {
    out.ChildShards = childShardsOf(s, shard);
  } else {
    out.NextShardIterator = encodeIterator({ stream: s.name, streamCreatedAt: s.createdAt, shardId: shard.shardId, position: next, issuedAt: now }, secret);
  }
  return out;
}

/** Reads retained records from `position`, within the record and byte caps. */
export function readRange(ctx: KinesisContext, s: StreamState, shard: ShardState, position: number, maxRecords: number, maxBytes: number): { records: KinesisRecord[]; next: number; bytes: number } {
  const store = shard.store;
  let i = Math.max(position, store.firstIndexAtOrAfter(retentionCutoff(ctx, s)));
  const records: KinesisRecord[] = [];
  let bytes = 0;
  while (i < store.nextIndex && records.length < maxRecords) {
    const size = store.sizeAt(i);
    if (records.length > 0 && bytes + size > maxBytes) break;
    const r = store.read(i);
    records.push({
      SequenceNumber: shardSequenceNumber(shard, i),
      ApproximateArrivalTimestamp: r.arrival,
      Data: r.data,
      PartitionKey: r.partitionKey,
      // Each record keeps the encryption it was written with [BC-K StartStreamEncryption].
      ...encryptionField(encryptionAt(s, r.arrival)),
    });
    bytes += size;
    i++;
  }
  return { records, next: i, bytes };
}

/** The ChildShards of a closed shard: its split children or merge child, with their parents. */
export function childShardsOf(s: StreamState, shard: ShardState): ChildShard[] {
  return (shard.childShardIds ?? []).flatMap((id) => {
    const c = s.byId.get(id);
    if (c === undefined) return [];
    const parents = [c.parentShardId, c.adjacentParentShardId].filter((p): p is string => p !== undefined);
    return [{ ShardId: c.shardId, ParentShards: parents, HashKeyRange: { StartingHashKey: c.start.toString(), EndingHashKey: c.end.toString() } }];
  });
}
