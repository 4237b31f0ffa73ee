/**
 * CreateStream: a provisioned stream of ShardCount shards evenly over the hash
 * line, or an ON_DEMAND stream (which starts with 4 shards), CREATING until
 * the create delay passes, then ACTIVE [BC-K CreateStream].
 */
import { AwsError, invalidArgument, limitExceeded, resourceInUse, ValidationErrors } from '../../core/errors';
import { openShardsInAccount, shardQuotaError, streamArnOf, type KinesisContext } from '../context';
import { createStreamState } from '../streamModel';
import { checkEnum, checkInt, checkStreamName } from '../validation';
import {
  DEFAULT_MAX_RECORD_SIZE_KIB,
  DEFAULT_RETENTION_HOURS,
  MAX_RECORD_SIZE_KIB_RANGE,
  MAX_STREAMS_CREATING,
  ON_DEMAND_INITIAL_SHARDS,
} from '../constants';
import { ensureOnDemandScaling, onDemandStateOf, ON_DEMAND_STREAMS_PER_ACCOUNT } from '../onDemandScaling';
import { onDemandMaxWarmMiBps } from '../onDemandCapacity';
import { ensureRetentionSweep } from '../retentionSweep';
import { addTags, checkTagMap } from '../tags';
import type { CreateStreamInput } from '../types';

export function createStream(ctx: KinesisContext, input: CreateStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamName(v, input.StreamName);
  checkInt(v, input.ShardCount, 'shardCount', 1, 1000000);
  checkEnum(v, input.StreamModeDetails?.StreamMode, 'streamModeDetails.streamMode', ['PROVISIONED', 'ON_DEMAND'], input.StreamModeDetails !== undefined);
  checkInt(v, input.MaxRecordSizeInKiB, 'maxRecordSizeInKiB', MAX_RECORD_SIZE_KIB_RANGE[0], MAX_RECORD_SIZE_KIB_RANGE[1]);
  checkTagMap(v, input.Tags, 'tags', false);
  checkInt(v, input.WarmThroughputMiBps, 'warmThroughputMiBps', 0, 2147483647);
  v.throwIfAny();

  const mode = input.StreamModeDetails?.StreamMode ?? 'PROVISIONED';
  if (mode === 'PROVISIONED' && input.ShardCount === undefined) {
    throw invalidArgument('ShardCount is required for streams in PROVISIONED mode.');
  }
  if (mode === 'ON_DEMAND' && input.ShardCount !== undefined) {
    throw new AwsError('ValidationException', 'ShardCount must not be specified for streams in ON_DEMAND mode.');
  }
  const existing = ctx.streams.get(input.StreamName);
  if (existing !== undefined && !existing.deleted) {
    throw resourceInUse(`Stream ${input.StreamName} under account ${ctx.core.accountId} already exists.`);
  }
  let creating = 0;
  for (const s of ctx.streams.values()) if (!s.deleted && s.status === 'CREATING') creating++;
  if (creating >= MAX_STREAMS_CREATING) {
    throw limitExceeded(`Only ${MAX_STREAMS_CREATING} streams can be in the CREATING state at once for the account ${ctx.core.accountId}.`);
  }
  if (mode === 'ON_DEMAND') {
    let onDemand = 0;
    for (const s of ctx.streams.values()) if (!s.deleted && s.mode === 'ON_DEMAND') onDemand++;
    if (onDemand >= ON_DEMAND_STREAMS_PER_ACCOUNT) {
      throw limitExceeded(`Account ${ctx.core.accountId} already has ${onDemand} streams in ON_DEMAND capacity mode, the most allowed (${ON_DEMAND_STREAMS_PER_ACCOUNT}).`);
    }
  }
  // Tags at creation follow the same rules as AddTagsToStream's, up to 50 [BC-K CreateStream Tags].
  const tags: Record<string, string> = {};
  if (input.Tags) addTags(tags, input.Tags, `stream ${input.StreamName} under account ${ctx.core.accountId}`);
  const warm = createWarmThroughput(ctx, mode, input.WarmThroughputMiBps);
  const shardCount = mode === 'ON_DEMAND' ? Math.max(ON_DEMAND_INITIAL_SHARDS, warm?.shards ?? 0) : input.ShardCount!;
  if (openShardsInAccount(ctx) + shardCount > ctx.shardQuota) throw shardQuotaError(ctx, shardCount);

  const now = ctx.core.now();
  const s = createStreamState(
    input.StreamName,
    streamArnOf(ctx, input.StreamName),
    shardCount,
    mode,
    now,
    DEFAULT_RETENTION_HOURS,
    input.MaxRecordSizeInKiB ?? DEFAULT_MAX_RECORD_SIZE_KIB,
  );
  s.tags = tags;
  if (warm !== undefined) onDemandStateOf(s).warmTargetMiBps = warm.mibps;
  ctx.streams.set(s.name, s);
  ctx.core.events.emit({ type: 'streamStatus', time: now, stream: s.name, status: 'CREATING' });
  ctx.core.scheduleEvent(ctx.delays.createStreamMs, 'kinesis:streamCreated', { ctx, s }, `kinesis:create:${s.name}`);
  // Periodic work: retention trimming for every stream, capacity sampling for on-demand ones.
  ensureRetentionSweep(ctx);
  if (mode === 'ON_DEMAND') ensureOnDemandScaling(ctx);
  return {};
}

/** CreateStream's WarmThroughputMiBps: on-demand streams only, at most the Region's on-demand write ceiling (modelled texts). */
function createWarmThroughput(ctx: KinesisContext, mode: string, mibps: number | undefined): { mibps: number; shards: number } | undefined {
  if (mibps === undefined) return undefined;
  if (mode !== 'ON_DEMAND') throw new AwsError('ValidationException', 'WarmThroughputMiBps can only be specified for streams in ON_DEMAND mode.');
  const max = onDemandMaxWarmMiBps(ctx.core.region);
  if (mibps > max) throw limitExceeded(`WarmThroughputMiBps ${mibps} exceeds the on-demand write throughput limit of ${max} MiBps for this Region.`);
  // 1 MiB/s of write capacity per shard [Q-now].
  return { mibps, shards: Math.ceil(mibps) };
}
