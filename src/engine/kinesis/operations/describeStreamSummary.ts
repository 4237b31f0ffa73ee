/**
 * DescribeStreamSummary: the stream without its shard list: status, mode,
 * retention, open shard count, registered consumers and the maximum record
 * size [BC-K DescribeStreamSummary]. Works in every status, CREATING and
 * DELETING included, like DescribeStream.
 */
import { ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { checkStreamRef } from '../validation';
import { streamDescriptionBase } from '../streamModel';
import type { DescribeStreamSummaryOutput, StreamRef } from '../types';
import { warmThroughputOf } from './updateStreamWarmThroughput';

export function describeStreamSummary(ctx: KinesisContext, input: StreamRef): DescribeStreamSummaryOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  v.throwIfAny();
  const s = findStream(ctx, input);
  return {
    StreamDescriptionSummary: {
      ...streamDescriptionBase(s),
      OpenShardCount: s.open.length,
      ConsumerCount: s.consumers.size,
      MaxRecordSizeInKiB: s.maxRecordSizeKiB,
      // Only on-demand streams with a warm throughput carry it (AWS: only in accounts with the billing commitment).
      ...(s.mode === 'ON_DEMAND' && s.onDemand?.warmTargetMiBps !== undefined ? { WarmThroughput: warmThroughputOf(s) } : {}),
    },
  };
}
