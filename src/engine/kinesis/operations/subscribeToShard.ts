/**
 * SubscribeToShard: opens an enhanced fan-out push subscription of an ACTIVE
 * consumer to one shard, from a StartingPosition of the same five types as
 * GetShardIterator. Calling again for the same consumer and shard within 5 s of
 * a successful call gives ResourceInUseException; 5 s or more later the new
 * call takes over and the old subscription ends. A subscription lasts at most
 * 5 minutes [BC-K SubscribeToShard]. Events arrive on the simulated clock
 * (see efoSubscription.ts); on the wire they form an AWS event stream.
 */
import { resourceInUse, ValidationErrors } from '../../core/errors';
import { findShard, retentionCutoff, type KinesisContext } from '../context';
import { checkEnum, checkString } from '../validation';
import { checkConsumerArn, findConsumer } from '../consumerLookup';
import { ITERATOR_TYPES, startPosition } from './getShardIterator';
import { SEQUENCE_NUMBER_PATTERN } from '../sequenceNumber';
import { expireShards } from '../retention';
import { ShardSubscription } from '../efoSubscription';
import { EFO_RESUBSCRIBE_MS } from '../constants';
import type { SubscribeToShardInput } from '../types';

/** The response: `EventStream` delivers SubscribeToShardEvents as simulated time advances (as in the SDK's output). */
export interface SubscribeToShardOutput {
  EventStream: ShardSubscription;
}

export function subscribeToShard(ctx: KinesisContext, input: SubscribeToShardInput): SubscribeToShardOutput {
  const v = new ValidationErrors();
  checkConsumerArn(v, input.ConsumerARN, true);
  checkString(v, input.ShardId, 'shardId', 1, 128, true, /^[a-zA-Z0-9_.-]+$/);
  const pos = input.StartingPosition;
  if (pos === undefined || pos === null || typeof pos !== 'object') {
    v.add(pos, 'startingPosition', 'not be null');
  } else {
    checkEnum(v, pos.Type, 'startingPosition.type', ITERATOR_TYPES, true);
    checkString(v, pos.SequenceNumber, 'startingPosition.sequenceNumber', 1, 130, false, SEQUENCE_NUMBER_PATTERN, '0|([1-9]\\d{0,128})');
  }
  v.throwIfAny();
  const { stream: s, consumer: c } = findConsumer(ctx, { ConsumerARN: input.ConsumerARN });
  const account = ctx.core.accountId;
  if (c.status !== 'ACTIVE') {
    throw resourceInUse(`Consumer ${c.arn} under account ${account} is not ACTIVE, instead in state ${c.status}.`);
  }
  expireShards(ctx, s);
  const shard = findShard(ctx, s, input.ShardId);
  const now = ctx.core.now();
  const prev = c.subscriptions.get(shard.shardId);
  if (prev !== undefined && now - prev.startedAt < EFO_RESUBSCRIBE_MS) {
    throw resourceInUse(`Another active subscription exists for this consumer: ${account}:${s.name}:${shard.shardId}:${c.name}`);
  }
  const position = startPosition(ctx, shard, pos.Type, pos.SequenceNumber, pos.Timestamp, retentionCutoff(ctx, s));
  // The newer call takes the subscription over; the previous one ends.
  if (prev !== undefined && !prev.ended) prev.finish('replaced');
  const sub = new ShardSubscription(ctx, s, c, shard, position);
  c.subscriptions.set(shard.shardId, sub);
  return { EventStream: sub };
}
