/**
 * DeleteStream: an ACTIVE stream goes to DELETING and is gone, shards, records
 * and consumers, once the delete delay passes; afterwards every call on it gets
 * ResourceNotFoundException [BC-K DeleteStream]. A stream with registered
 * consumers is refused unless EnforceConsumerDeletion is true, in which case
 * its consumers are deregistered with it [BC-K DeleteStreamInput].
 */
import { resourceInUse, ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { checkStreamRef } from '../validation';
import type { DeleteStreamInput } from '../types';

export function deleteStream(ctx: KinesisContext, input: DeleteStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  if (input.EnforceConsumerDeletion !== undefined && typeof input.EnforceConsumerDeletion !== 'boolean') {
    v.add(input.EnforceConsumerDeletion, 'enforceConsumerDeletion', 'be a boolean');
  }
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  const account = ctx.core.accountId;
  if (s.consumers.size > 0 && input.EnforceConsumerDeletion !== true) {
    throw resourceInUse(
      `Stream ${s.name} under account ${account} has ${s.consumers.size} registered consumer${s.consumers.size === 1 ? '' : 's'}. ` +
        'Deregister them first, or set EnforceConsumerDeletion to true to delete them with the stream.',
    );
  }
  const now = ctx.core.now();
  s.status = 'DELETING';
  ctx.core.events.emit({ type: 'streamStatus', time: now, stream: s.name, status: 'DELETING' });
  for (const c of s.consumers.values()) {
    c.status = 'DELETING';
    ctx.core.events.emit({ type: 'consumerStatus', time: now, stream: s.name, consumer: c.name, status: 'DELETING' });
  }
  ctx.core.scheduleEvent(ctx.delays.deleteStreamMs, 'kinesis:streamDeleted', { ctx, s }, `kinesis:delete:${s.name}`);
  return {};
}
