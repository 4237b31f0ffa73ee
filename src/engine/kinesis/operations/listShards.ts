/**
 * ListShards: the stream's shards in id order, at most 1,000 per call (the
 * input allows MaxResults up to 10,000, but no more than 1,000 come back).
 * A NextToken names the stream and the position, so it cannot be combined with
 * StreamName, StreamARN, ExclusiveStartShardId, StreamCreationTimestamp or
 * ShardFilter, and it expires 300 s after it was issued
 * (ExpiredNextTokenException). Expired shards are never listed [BC-K ListShards].
 *
 * ShardFilter [BC-K ShardFilterType]:
 * - AFTER_SHARD_ID: shards whose id follows ShardId;
 * - AT_TRIM_HORIZON: shards open at the trim horizon (the stream's birth if younger than retention);
 * - FROM_TRIM_HORIZON (default): every shard within retention, trim to tip;
 * - AT_LATEST: the open shards only;
 * - AT_TIMESTAMP: shards started at or before Timestamp and open at it (end >= Timestamp, or still open);
 * - FROM_TIMESTAMP: shards open at or after Timestamp (still open, or ended at or after it).
 */
import { AwsError, invalidArgument, resourceNotFound, ValidationErrors } from '../../core/errors';
import { findStream, retentionCutoff, type KinesisContext } from '../context';
import { checkEnum, checkInt, checkStreamRef, checkString } from '../validation';
import { decodePageToken, encodePageToken } from '../pageToken';
import { expireShards } from '../retention';
import { shardToAws, type ShardState } from '../shardModel';
import type { StreamState } from '../streamModel';
import { LIST_SHARDS_INPUT_MAX, LIST_SHARDS_MAX_RESULTS, NEXT_TOKEN_TTL_MS } from '../constants';
import type { ListShardsInput, ListShardsOutput, ShardFilter, ShardFilterType } from '../types';

export const SHARD_FILTER_TYPES: readonly ShardFilterType[] = ['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP'];
const SHARD_ID_PATTERN = /^[a-zA-Z0-9_.-]+$/;
const TOKEN_KIND = 'KLSH1';
// stream, stream creation time, last shard id returned, issue time, filter type, filter shard id, filter timestamp
const TOKEN_FIELDS = 7;

export function listShards(ctx: KinesisContext, input: ListShardsInput): ListShardsOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkString(v, input.NextToken, 'nextToken', 1, 1048576);
  checkString(v, input.ExclusiveStartShardId, 'exclusiveStartShardId', 1, 128, false, SHARD_ID_PATTERN);
  checkInt(v, input.MaxResults, 'maxResults', 1, LIST_SHARDS_INPUT_MAX);
  if (input.ShardFilter !== undefined) {
    checkEnum(v, input.ShardFilter?.Type, 'shardFilter.type', SHARD_FILTER_TYPES, true);
    checkString(v, input.ShardFilter?.ShardId, 'shardFilter.shardId', 1, 128, false, SHARD_ID_PATTERN);
  }
  v.throwIfAny();
  const now = ctx.core.now();
  const secret = String(ctx.core.seed);

  let s: StreamState;
  let filter: ShardFilter;
  let after = input.ExclusiveStartShardId;
  if (input.NextToken !== undefined) {
    for (const [field, value] of [['StreamName', input.StreamName], ['StreamARN', input.StreamARN], ['ExclusiveStartShardId', input.ExclusiveStartShardId], ['StreamCreationTimestamp', input.StreamCreationTimestamp], ['ShardFilter', input.ShardFilter]] as const) {
      if (value !== undefined) throw invalidArgument(`NextToken and ${field} cannot be provided together.`);
    }
    const f = decodePageToken(input.NextToken, TOKEN_KIND, TOKEN_FIELDS, secret);
    if (f === undefined) throw invalidArgument(`Invalid NextToken: ${input.NextToken}`);
    const issuedAt = Number(f[3]);
    if (now - issuedAt > NEXT_TOKEN_TTL_MS) {
      throw new AwsError('ExpiredNextTokenException', `NextToken expired. It was issued at ${issuedAt} and NextTokens expire after ${NEXT_TOKEN_TTL_MS / 1000} seconds.`);
    }
    const found = ctx.streams.get(f[0]);
    if (found === undefined || found.deleted || found.createdAt !== Number(f[1])) {
      throw resourceNotFound(`Stream ${f[0]} under account ${ctx.core.accountId} not found.`);
    }
    s = found;
    after = f[2];
    filter = { Type: f[4] as ShardFilterType };
    if (f[5] !== '') filter.ShardId = f[5];
    if (f[6] !== '') filter.Timestamp = Number(f[6]);
  } else {
    if (input.StreamName === undefined && input.StreamARN === undefined) throw invalidArgument('Either NextToken or StreamName should be provided.');
    s = findStream(ctx, input);
    if (input.StreamCreationTimestamp !== undefined && Math.floor(input.StreamCreationTimestamp / 1000) !== Math.floor(s.createdAt / 1000)) {
      // Names are reused: the timestamp picks one incarnation, and this one is not it.
      throw resourceNotFound(`Stream ${s.name} under account ${ctx.core.accountId} not found.`);
    }
    filter = input.ShardFilter ?? { Type: 'FROM_TRIM_HORIZON' };
    if (filter.Type === 'AFTER_SHARD_ID' && filter.ShardId === undefined) {
      throw invalidArgument('ShardId must be supplied in a ShardFilter with a Type of AFTER_SHARD_ID.');
    }
    if ((filter.Type === 'AT_TIMESTAMP' || filter.Type === 'FROM_TIMESTAMP') && typeof filter.Timestamp !== 'number') {
      throw invalidArgument(`Timestamp must be supplied in a ShardFilter with a Type of ${filter.Type}.`);
    }
  }

  expireShards(ctx, s);
  const matches = shardFilterFor(ctx, s, filter);
  const listed = s.shards.filter((sh) => (after === undefined || sh.shardId > after) && matches(sh));
  const limit = Math.min(input.MaxResults ?? LIST_SHARDS_MAX_RESULTS, LIST_SHARDS_MAX_RESULTS);
  const page = listed.slice(0, limit);
  const out: ListShardsOutput = { Shards: page.map(shardToAws) };
  if (listed.length > limit) {
    out.NextToken = encodePageToken(
      TOKEN_KIND,
      [s.name, s.createdAt, page[page.length - 1].shardId, now, filter.Type, filter.ShardId ?? '', filter.Timestamp ?? ''],
      secret,
    );
  }
  return out;
}

/** The predicate a ShardFilter stands for, evaluated now. */
function shardFilterFor(ctx: KinesisContext, s: StreamState, filter: ShardFilter): (sh: ShardState) => boolean {
  const openAt = (t: number) => (sh: ShardState) => sh.createdAt <= t && (sh.closedAt === undefined || sh.closedAt >= t);
  switch (filter.Type) {
    case 'AFTER_SHARD_ID': {
      const id = filter.ShardId!;
      return (sh) => sh.shardId > id;
    }
    case 'AT_TRIM_HORIZON':
      // A stream younger than its retention period has its birth as trim horizon.
      return openAt(Math.max(retentionCutoff(ctx, s), s.createdAt));
    case 'AT_LATEST':
      return (sh) => sh.closedAt === undefined;
    case 'AT_TIMESTAMP':
      return openAt(filter.Timestamp!);
    case 'FROM_TIMESTAMP': {
      const t = filter.Timestamp!;
      return (sh) => sh.closedAt === undefined || sh.closedAt >= t;
    }
    case 'FROM_TRIM_HORIZON':
    default:
      // expireShards has already removed every shard past retention.
      return () => true;
  }
}
