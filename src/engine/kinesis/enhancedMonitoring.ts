/**
 * Enhanced (shard-level) monitoring [BC-K EnableEnhancedMonitoring; KDS-DG
 * monitoring with CloudWatch]: the seven shard-level metric names, `ALL` for
 * all of them, and the change both operations make. Shard-level metrics are
 * published only while enabled; stream-level ones always are.
 */
import { ValidationErrors } from '../core/errors';
import { findActiveStream, type KinesisContext } from './context';
import { checkStreamRef } from './validation';
import type { StreamRef } from './types';

/** The shard-level metric names in the API's MetricsName enum order [BC-K MetricsName]. */
export const SHARD_LEVEL_METRIC_NAMES = [
  'IncomingBytes',
  'IncomingRecords',
  'OutgoingBytes',
  'OutgoingRecords',
  'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded',
  'IteratorAgeMilliseconds',
] as const;
const METRIC_ENUM = [...SHARD_LEVEL_METRIC_NAMES, 'ALL'];

export interface EnhancedMonitoringInput extends StreamRef {
  ShardLevelMetrics: string[];
}
export interface EnhancedMonitoringOutput {
  StreamName: string;
  StreamARN: string;
  CurrentShardLevelMetrics: string[];
  DesiredShardLevelMetrics: string[];
}

/** ShardLevelMetrics: 1..7 names of the MetricsName enum [BC-K MetricsNameList]. */
function checkMetricsList(v: ValidationErrors, list: unknown): void {
  if (list === undefined || list === null) return v.add(list, 'shardLevelMetrics', 'not be null');
  if (!Array.isArray(list)) return v.add(list, 'shardLevelMetrics', 'be a list');
  if (list.length < 1) v.add('[]', 'shardLevelMetrics', 'have length greater than or equal to 1');
  else if (list.length > 7) v.add(`[${list.join(', ')}]`, 'shardLevelMetrics', 'have length less than or equal to 7');
  if (list.some((m) => typeof m !== 'string' || !METRIC_ENUM.includes(m))) {
    v.add(`[${list.join(', ')}]`, 'shardLevelMetrics', `satisfy constraint: [Member must satisfy enum value set: [${METRIC_ENUM.join(', ')}]]`);
  }
}

/**
 * Enables (`on`) or disables metrics on an ACTIVE stream; answers what was
 * enabled before (Current) and after (Desired), as AWS's EnhancedMonitoringOutput.
 */
export function changeEnhancedMonitoring(ctx: KinesisContext, input: EnhancedMonitoringInput, on: boolean): EnhancedMonitoringOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkMetricsList(v, input.ShardLevelMetrics);
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  const named = new Set(input.ShardLevelMetrics.includes('ALL') ? SHARD_LEVEL_METRIC_NAMES : input.ShardLevelMetrics);
  const before = [...s.shardLevelMetrics];
  // Kept in the enum's order, so DescribeStream lists them the same way whatever the calls' order.
  s.shardLevelMetrics = SHARD_LEVEL_METRIC_NAMES.filter((m) => (on ? before.includes(m) || named.has(m) : before.includes(m) && !named.has(m)));
  ctx.core.events.emit({ type: 'enhancedMonitoringChanged', time: ctx.core.now(), stream: s.name, shardLevelMetrics: [...s.shardLevelMetrics] });
  return { StreamName: s.name, StreamARN: s.arn, CurrentShardLevelMetrics: before, DesiredShardLevelMetrics: [...s.shardLevelMetrics] };
}
