/**
 * The resource a ResourceARN names: a data stream or a registered consumer
 * [BC-K TagResource, PutResourcePolicy: "Data stream pattern" and "Consumer
 * pattern"]. Both hold their tags and resource policy as plain data.
 */
import type { ValidationErrors } from '../core/errors';
import { findStream, type KinesisContext } from './context';
import { findConsumer } from './consumerLookup';
import { checkString } from './validation';
import type { StreamState } from './streamModel';
import type { ConsumerState } from './consumerModel';

/** ResourceARN as the model constrains it [BC-K TagResource ResourceARN]. */
const RESOURCE_ARN_PATTERN = /^arn:aws.*:kinesis:.*:\d{12}:.*stream\/\S+$/;
const CONSUMER_PART = /\/consumer\/[^/]+:\d+$/;

/** ResourceARN: 1..2048 characters matching `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+`. */
export function checkResourceArn(v: ValidationErrors, value: unknown): void {
  checkString(v, value, 'resourceARN', 1, 2048, true, RESOURCE_ARN_PATTERN, 'arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+');
}

/** A stream or consumer found by its ARN, with a name for messages. */
export interface KinesisResource {
  kind: 'stream' | 'consumer';
  stream: StreamState;
  consumer?: ConsumerState;
  /** The state object that holds `tags` and `resourcePolicy`. */
  holder: { tags: Record<string, string>; resourcePolicy?: string };
  arn: string;
}

/** Resolves a ResourceARN to its stream or consumer (ResourceNotFoundException as the lookups word it). */
export function findResource(ctx: KinesisContext, arn: string): KinesisResource {
  if (CONSUMER_PART.test(arn)) {
    const { stream, consumer } = findConsumer(ctx, { ConsumerARN: arn });
    return { kind: 'consumer', stream, consumer, holder: consumer, arn: consumer.arn };
  }
  const stream = findStream(ctx, { StreamARN: arn });
  return { kind: 'stream', stream, holder: stream, arn: stream.arn };
}
