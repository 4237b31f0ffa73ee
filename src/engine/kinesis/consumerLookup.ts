/**
 * Enhanced fan-out consumers: finding one by ConsumerARN or by StreamARN plus
 * ConsumerName, the validations the consumer operations share, and the AWS
 * `Consumer` shape [BC-K RegisterStreamConsumer, DescribeStreamConsumer].
 */
import { invalidArgument, resourceNotFound, type ValidationErrors } from '../core/errors';
import { findStream, type KinesisContext } from './context';
import { checkString } from './validation';
import type { ConsumerState } from './consumerModel';
import type { StreamState } from './streamModel';
import type { Consumer, ConsumerRef } from './types';

/** Consumer names: 1..128 characters of [a-zA-Z0-9_.-] [BC-K ConsumerName]. */
export const CONSUMER_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
const STREAM_ARN_PATTERN = /^arn:aws.*:kinesis:.*:\d{12}:stream\/\S+$/;
/** ConsumerARN as the model constrains it [BC-K ConsumerARN]. */
const CONSUMER_ARN_PATTERN = /^(arn):aws.*:kinesis:.*:\d{12}:.*stream\/[a-zA-Z0-9_.-]+\/consumer\/[a-zA-Z0-9_.-]+:[0-9]+$/;
/** Splits a consumer ARN into its stream ARN and consumer name. */
const CONSUMER_ARN_PARTS = /^(arn:aws[\w-]*:kinesis:[\w-]+:\d{12}:stream\/[a-zA-Z0-9_.-]{1,128})\/consumer\/([a-zA-Z0-9_.-]{1,128}):\d+$/;

/** StreamARN: 1..2048 characters matching the model's pattern [BC-K]. */
export function checkStreamArn(v: ValidationErrors, value: unknown, required: boolean): void {
  checkString(v, value, 'streamARN', 1, 2048, required, STREAM_ARN_PATTERN, 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+');
}

/** ConsumerName: 1..128 of [a-zA-Z0-9_.-] [BC-K]. */
export function checkConsumerName(v: ValidationErrors, value: unknown, required: boolean): void {
  checkString(v, value, 'consumerName', 1, 128, required, CONSUMER_NAME_PATTERN, '[a-zA-Z0-9_.-]+');
}

/** ConsumerARN: 1..2048 characters matching the model's pattern [BC-K]. */
export function checkConsumerArn(v: ValidationErrors, value: unknown, required: boolean): void {
  checkString(v, value, 'consumerARN', 1, 2048, required, CONSUMER_ARN_PATTERN, '^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+');
}

/**
 * The consumer named by ConsumerARN, or by StreamARN and ConsumerName together.
 * An ARN of a consumer that was deregistered and registered again (same name,
 * new creation time) no longer resolves.
 */
export function findConsumer(ctx: KinesisContext, ref: ConsumerRef): { stream: StreamState; consumer: ConsumerState } {
  if (ref.ConsumerARN !== undefined) {
    const m = CONSUMER_ARN_PARTS.exec(ref.ConsumerARN);
    if (m === null) throw invalidArgument(`ConsumerARN ${ref.ConsumerARN} is not a valid consumer ARN.`);
    const stream = findStream(ctx, { StreamARN: m[1] });
    const consumer = stream.consumers.get(m[2]);
    if (consumer === undefined || consumer.arn !== ref.ConsumerARN) {
      throw resourceNotFound(`Consumer ${ref.ConsumerARN} under account ${ctx.core.accountId} not found.`);
    }
    return { stream, consumer };
  }
  if (ref.StreamARN === undefined || ref.ConsumerName === undefined) {
    throw invalidArgument('Either ConsumerARN or both ConsumerName and StreamARN must be provided.');
  }
  const stream = findStream(ctx, { StreamARN: ref.StreamARN });
  const consumer = stream.consumers.get(ref.ConsumerName);
  if (consumer === undefined) {
    throw resourceNotFound(`Consumer ${ref.ConsumerName} under stream ${ref.StreamARN} not found.`);
  }
  return { stream, consumer };
}

/** The AWS `Consumer` shape. */
export function consumerToAws(c: ConsumerState): Consumer {
  return { ConsumerName: c.name, ConsumerARN: c.arn, ConsumerStatus: c.status, ConsumerCreationTimestamp: c.createdAt };
}

/** Consumers in the CREATING state across the account (at most 5 at once [BC-K]). */
export function consumersCreatingInAccount(ctx: KinesisContext): number {
  let n = 0;
  for (const s of ctx.streams.values()) {
    if (s.deleted) continue;
    for (const c of s.consumers.values()) if (c.status === 'CREATING') n++;
  }
  return n;
}
