/**
 * DescribeStreamConsumer: one registered consumer, named by ConsumerARN or by
 * StreamARN plus ConsumerName [BC-K].
 */
import { ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkConsumerArn, checkConsumerName, checkStreamArn, consumerToAws, findConsumer } from '../consumerLookup';
import type { ConsumerDescription, ConsumerRef } from '../types';

export interface DescribeStreamConsumerOutput {
  ConsumerDescription: ConsumerDescription;
}

export function describeStreamConsumer(ctx: KinesisContext, input: ConsumerRef): DescribeStreamConsumerOutput {
  const v = new ValidationErrors();
  checkStreamArn(v, input.StreamARN, false);
  checkConsumerName(v, input.ConsumerName, false);
  checkConsumerArn(v, input.ConsumerARN, false);
  v.throwIfAny();
  const { consumer } = findConsumer(ctx, input);
  return { ConsumerDescription: { ...consumerToAws(consumer), StreamARN: consumer.streamArn } };
}
