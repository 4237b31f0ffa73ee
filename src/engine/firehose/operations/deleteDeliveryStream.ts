/**
 * DeleteDeliveryStream: the stream goes to DELETING and disappears a few
 * seconds later. Data still in its buffers is not delivered (AWS: "data
 * not yet delivered is lost"); it is counted as lost.
 */
import { ValidationErrors } from '../../core/errors';
import { findDeliveryStream, type FirehoseContext } from '../context';
import { DELETE_DELAY_MS } from '../constants';
import { checkDeliveryStreamName } from './createDeliveryStream';
import { FIREHOSE_LIFECYCLE } from '../lifecycleEvents';
import type { DeleteDeliveryStreamInput } from '../types';

export function deleteDeliveryStream(ctx: FirehoseContext, input: DeleteDeliveryStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  v.throwIfAny();
  const st = findDeliveryStream(ctx, input.DeliveryStreamName);
  if (st.status === 'DELETING') return {};
  st.status = 'DELETING';
  ctx.core.scheduleEvent(DELETE_DELAY_MS, FIREHOSE_LIFECYCLE.deleted, { ctx, st }, `firehose:${st.name}:deleted`);
  return {};
}
