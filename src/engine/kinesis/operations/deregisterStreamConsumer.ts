/**
 * DeregisterStreamConsumer: the consumer goes to DELETING at once, which ends
 * its SubscribeToShard subscriptions, and is gone once the deregister delay
 * passes; its name can then be registered again, with a new ARN [BC-K].
 */
import { resourceInUse, ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkConsumerArn, checkConsumerName, checkStreamArn, findConsumer } from '../consumerLookup';
import type { ConsumerRef } from '../types';

export function deregisterStreamConsumer(ctx: KinesisContext, input: ConsumerRef): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamArn(v, input.StreamARN, false);
  checkConsumerName(v, input.ConsumerName, false);
  checkConsumerArn(v, input.ConsumerARN, false);
  v.throwIfAny();
  const { stream: s, consumer: c } = findConsumer(ctx, input);
  if (c.status === 'DELETING') {
    throw resourceInUse(`Consumer ${c.arn} under account ${ctx.core.accountId} is already in state DELETING.`);
  }
  const now = ctx.core.now();
  c.status = 'DELETING';
  ctx.core.events.emit({ type: 'consumerStatus', time: now, stream: s.name, consumer: c.name, status: 'DELETING' });
  for (const sub of c.subscriptions.values()) {
    if (!sub.ended) {
      sub.finish('consumerDeregistered', { type: 'ResourceNotFoundException', message: `Consumer ${c.arn} under account ${ctx.core.accountId} not found.` });
    }
  }
  ctx.core.scheduleEvent(ctx.delays.deregisterConsumerMs, 'kinesis:consumerDeregistered', { s, c }, `kinesis:deregisterConsumer:${s.name}:${c.name}`);
  return {};
}
