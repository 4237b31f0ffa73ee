/** TagDeliveryStream: adds or replaces tags; at most 50 per stream [BC-F]. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkString } from '../../kinesis/validation';
import { findDeliveryStream, type FirehoseContext } from '../context';
import { MAX_TAGS } from '../constants';
import { checkDeliveryStreamName } from './createDeliveryStream';
import type { TagDeliveryStreamInput } from '../types';

export function tagDeliveryStream(ctx: FirehoseContext, input: TagDeliveryStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  if (!Array.isArray(input.Tags) || input.Tags.length < 1) v.add(input.Tags, 'tags', 'have length greater than or equal to 1');
  else input.Tags.forEach((t, i) => {
    checkString(v, t?.Key, `tags.${i + 1}.member.key`, 1, 128, true);
    checkString(v, t?.Value, `tags.${i + 1}.member.value`, 0, 256);
  });
  v.throwIfAny();
  const st = findDeliveryStream(ctx, input.DeliveryStreamName);
  const keys = new Set([...st.tags.keys(), ...input.Tags.map((t) => t.Key)]);
  if (keys.size > MAX_TAGS) throw new AwsError('LimitExceededException', `A Firehose stream cannot have more than ${MAX_TAGS} tags.`);
  for (const t of input.Tags) st.tags.set(t.Key, t.Value ?? '');
  return {};
}
