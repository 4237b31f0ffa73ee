/**
 * RegisterStreamConsumer: registers an enhanced fan-out consumer with a stream.
 * Names are 1..128 of [a-zA-Z0-9_.-] and unique per stream; at most 20
 * consumers per stream, and at most 5 in CREATING at once (a 6th gives
 * LimitExceededException). The consumer is CREATING until the register delay
 * passes, then ACTIVE; its ARN ends with its creation time [BC-K].
 */
import { limitExceeded, resourceInUse, ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { consumerArnOf, type ConsumerState } from '../consumerModel';
import { checkConsumerName, checkStreamArn, consumersCreatingInAccount, consumerToAws } from '../consumerLookup';
import { MAX_CONSUMERS_CREATING, MAX_CONSUMERS_PER_STREAM } from '../constants';
import { addTags, checkTagMap } from '../tags';
import type { Consumer, RegisterStreamConsumerInput } from '../types';

export interface RegisterStreamConsumerOutput {
  Consumer: Consumer;
}

export function registerStreamConsumer(ctx: KinesisContext, input: RegisterStreamConsumerInput): RegisterStreamConsumerOutput {
  const v = new ValidationErrors();
  checkStreamArn(v, input.StreamARN, true);
  checkConsumerName(v, input.ConsumerName, true);
  checkTagMap(v, input.Tags, 'tags', false);
  v.throwIfAny();
  const s = findStream(ctx, { StreamARN: input.StreamARN });
  const account = ctx.core.accountId;
  if (s.status === 'CREATING' || s.status === 'DELETING') {
    throw resourceInUse(`Stream ${s.name} under account ${account} not ACTIVE, instead in state ${s.status}`);
  }
  if (s.consumers.has(input.ConsumerName)) {
    throw resourceInUse(`Consumer ${input.ConsumerName} under stream ${s.arn} already exists.`);
  }
  // Consumers still DELETING count until they are gone.
  if (s.consumers.size >= MAX_CONSUMERS_PER_STREAM) {
    throw limitExceeded(`Stream ${s.name} under account ${account} already has ${s.consumers.size} registered consumers. Limit: ${MAX_CONSUMERS_PER_STREAM}.`);
  }
  if (consumersCreatingInAccount(ctx) >= MAX_CONSUMERS_CREATING) {
    throw limitExceeded(`Only ${MAX_CONSUMERS_CREATING} consumers can be in the CREATING state at once for the account ${account}.`);
  }
  const now = ctx.core.now();
  const arn = consumerArnOf(s.arn, input.ConsumerName, now);
  // Tags take effect from CREATING [BC-K RegisterStreamConsumer Tags].
  const tags: Record<string, string> = {};
  if (input.Tags) addTags(tags, input.Tags, `resource ${arn}`);
  const c: ConsumerState = {
    name: input.ConsumerName,
    arn,
    status: 'CREATING',
    createdAt: now,
    streamArn: s.arn,
    tags,
    subscriptions: new Map(),
  };
  s.consumers.set(c.name, c);
  ctx.core.events.emit({ type: 'consumerStatus', time: now, stream: s.name, consumer: c.name, status: 'CREATING' });
  ctx.core.scheduleEvent(ctx.delays.registerConsumerMs, 'kinesis:consumerRegistered', { ctx, s, c }, `kinesis:registerConsumer:${s.name}:${c.name}`);
  return { Consumer: consumerToAws(c) };
}
