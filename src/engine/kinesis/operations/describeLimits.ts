/**
 * DescribeLimits: the account's shard quota and open shards, and its on-demand
 * stream count and quota [BC-K DescribeLimits]. ChannelCount is left out: the
 * simulator has no channels (see README).
 */
import { openShardsInAccount, type KinesisContext } from '../context';
import { ON_DEMAND_STREAMS_PER_ACCOUNT } from '../onDemandScaling';

export interface DescribeLimitsOutput {
  ShardLimit: number;
  OpenShardCount: number;
  OnDemandStreamCount: number;
  OnDemandStreamCountLimit: number;
}

export function describeLimits(ctx: KinesisContext, _input: Record<string, never> = {}): DescribeLimitsOutput {
  let onDemand = 0;
  for (const s of ctx.streams.values()) if (!s.deleted && s.mode === 'ON_DEMAND') onDemand++;
  return {
    ShardLimit: ctx.shardQuota,
    OpenShardCount: openShardsInAccount(ctx),
    OnDemandStreamCount: onDemand,
    OnDemandStreamCountLimit: ON_DEMAND_STREAMS_PER_ACCOUNT,
  };
}
