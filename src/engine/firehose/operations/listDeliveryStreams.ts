/**
 * ListDeliveryStreams: names in alphabetical order, Limit 1..10000 (default
 * 10), after ExclusiveStartDeliveryStreamName, optionally by type [BC-F].
 */
import { ValidationErrors } from '../../core/errors';
import { checkEnum, checkInt } from '../../kinesis/validation';
import type { FirehoseContext } from '../context';
import { LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT } from '../constants';
import type { ListDeliveryStreamsInput, ListDeliveryStreamsOutput } from '../types';

export function listDeliveryStreams(ctx: FirehoseContext, input: ListDeliveryStreamsInput): ListDeliveryStreamsOutput {
  const v = new ValidationErrors();
  checkInt(v, input.Limit, 'limit', 1, LIST_MAX_LIMIT);
  checkEnum(v, input.DeliveryStreamType, 'deliveryStreamType', ['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource']);
  v.throwIfAny();
  const limit = input.Limit ?? LIST_DEFAULT_LIMIT;
  const after = input.ExclusiveStartDeliveryStreamName;
  const names = [...ctx.streams.values()]
    .filter((s) => (input.DeliveryStreamType === undefined || s.type === input.DeliveryStreamType) && (after === undefined || s.name > after))
    .map((s) => s.name)
    .sort();
  return { DeliveryStreamNames: names.slice(0, limit), HasMoreDeliveryStreams: names.length > limit };
}
