/**
 * UpdateStreamWarmThroughput: asks an ACTIVE on-demand stream for
 * WarmThroughputMiBps of write capacity before the traffic comes [BC-K
 * UpdateStreamWarmThroughput; KDS API reference]. The call returns at once
 * and the stream is UPDATING until the scaling is done (reads and writes
 * continue), then ACTIVE. Setting it again to the same or a lower value
 * releases excess capacity: the simulator restarts the stream's peak history
 * then (onDemandCapacity.ts). The most it can be is the on-demand per-stream
 * write ceiling of the Region (10 GB/s in us-east-1, us-west-2, eu-west-1,
 * 200 MB/s elsewhere) [KDS service-sizes-and-limits, "API Limits"].
 *
 * Not modelled: AWS allows it only in accounts with a
 * MinimumThroughputBillingCommitment (On-demand Advantage), and at most
 * 5 calls a second per account; both are listed in the Limits tab.
 */
import { AwsError, limitExceeded, ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { checkInt, checkStreamRef, checkString } from '../validation';
import { ensureOnDemandScaling, onDemandStateOf, WARM_THROUGHPUT_APPLIED } from '../onDemandScaling';
import { onDemandMaxWarmMiBps } from '../onDemandCapacity';
import type { StreamState } from '../streamModel';
import type { UpdateStreamWarmThroughputInput, UpdateStreamWarmThroughputOutput, WarmThroughputObject } from '../types';

/** The largest Integer the API model takes. */
const INT_MAX = 2147483647;

export function updateStreamWarmThroughput(ctx: KinesisContext, input: UpdateStreamWarmThroughputInput): UpdateStreamWarmThroughputOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkString(v, input.StreamId, 'streamId', 1, 24, false, /^[a-z0-9]{20}-[a-z0-9]{3}$/, '[a-z0-9]{20}-[a-z0-9]{3}');
  checkInt(v, input.WarmThroughputMiBps, 'warmThroughputMiBps', 0, INT_MAX, true);
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  const account = ctx.core.accountId;
  if (s.mode !== 'ON_DEMAND') {
    // Modelled text (see modelledErrors.ts): AWS documents ValidationException for the wrong capacity mode.
    throw new AwsError('ValidationException', `Stream ${s.name} under account ${account} is in PROVISIONED capacity mode. UpdateStreamWarmThroughput is only supported for data streams with the on-demand capacity mode.`);
  }
  const max = onDemandMaxWarmMiBps(ctx.core.region);
  if (input.WarmThroughputMiBps > max) {
    throw limitExceeded(`WarmThroughputMiBps ${input.WarmThroughputMiBps} for stream ${s.name} under account ${account} exceeds the on-demand write throughput limit of ${max} MiBps for this Region.`);
  }
  const current = warmThroughputOf(s).CurrentMiBps!;
  const st = onDemandStateOf(s);
  st.warmTargetMiBps = input.WarmThroughputMiBps;
  s.status = 'UPDATING';
  ctx.core.events.emit({ type: 'streamStatus', time: ctx.core.now(), stream: s.name, status: 'UPDATING' });
  ensureOnDemandScaling(ctx);
  ctx.core.scheduleEvent(ctx.delays.updateStreamMs, WARM_THROUGHPUT_APPLIED, { ctx, stream: s.name }, `${WARM_THROUGHPUT_APPLIED}:${s.name}`);
  return { StreamARN: s.arn, StreamName: s.name, WarmThroughput: { TargetMiBps: input.WarmThroughputMiBps, CurrentMiBps: current } };
}

/** The WarmThroughput object of DescribeStreamSummary: the target asked for, and the write capacity now (1 MiB/s per open shard). */
export function warmThroughputOf(s: StreamState): WarmThroughputObject {
  const out: WarmThroughputObject = {};
  if (s.onDemand?.warmTargetMiBps !== undefined) out.TargetMiBps = s.onDemand.warmTargetMiBps;
  out.CurrentMiBps = s.open.length;
  return out;
}
