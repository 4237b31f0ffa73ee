/**
 * UpdateStreamMode: switches an ACTIVE stream between PROVISIONED and ON_DEMAND
 * capacity. The stream is UPDATING until the switch takes effect and keeps its
 * shard count; a stream may switch at most twice per rolling 24 h, and an
 * account holds at most 50 on-demand streams [BC-K UpdateStreamMode; KDS-DG22].
 */
import { invalidArgument, limitExceeded, ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { checkEnum, checkString } from '../validation';
import { runStreamUpdate } from '../reshard';
import { ON_DEMAND_STREAMS_PER_ACCOUNT } from '../onDemandScaling';
import { ROLLING_DAY_MS, UPDATE_STREAM_MODE_CALLS_PER_DAY } from '../constants';
import type { UpdateStreamModeInput } from '../types';

export function updateStreamMode(ctx: KinesisContext, input: UpdateStreamModeInput): Record<string, never> {
  const v = new ValidationErrors();
  checkString(v, input.StreamARN, 'streamARN', 1, 2048, true, /^arn:aws.*:kinesis:.*:\d{12}:stream\/\S+$/, 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+');
  if (input.StreamModeDetails === undefined || input.StreamModeDetails === null) v.add(undefined, 'streamModeDetails', 'not be null');
  else checkEnum(v, input.StreamModeDetails.StreamMode, 'streamModeDetails.streamMode', ['PROVISIONED', 'ON_DEMAND'], true);
  v.throwIfAny();
  const s = findActiveStream(ctx, { StreamARN: input.StreamARN });
  const mode = input.StreamModeDetails.StreamMode;
  const now = ctx.core.now();
  const account = ctx.core.accountId;
  if (s.mode === mode) {
    throw invalidArgument(`Stream ${s.name} under account ${account} is already in ${mode} capacity mode.`);
  }
  const recent = s.modeUpdates.filter((t) => t > now - ROLLING_DAY_MS);
  if (recent.length >= UPDATE_STREAM_MODE_CALLS_PER_DAY) {
    throw limitExceeded(
      `Stream ${s.name} under account ${account} has already switched capacity mode ${recent.length} times in the last 24 hours. ` +
        `The capacity mode can be switched at most ${UPDATE_STREAM_MODE_CALLS_PER_DAY} times per rolling 24-hour period.`,
    );
  }
  if (mode === 'ON_DEMAND') {
    let onDemand = 0;
    for (const other of ctx.streams.values()) if (!other.deleted && other.mode === 'ON_DEMAND') onDemand++;
    if (onDemand >= ON_DEMAND_STREAMS_PER_ACCOUNT) {
      throw limitExceeded(`Account ${account} already has ${onDemand} streams in ON_DEMAND capacity mode, the most allowed (${ON_DEMAND_STREAMS_PER_ACCOUNT}).`);
    }
  }
  recent.push(now);
  s.modeUpdates = recent;
  runStreamUpdate(ctx, s, { op: 'updateStreamMode', mode });
  return {};
}
