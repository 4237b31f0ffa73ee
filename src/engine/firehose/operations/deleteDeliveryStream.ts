/**
 * DeleteDeliveryStream: the stream goes to DELETING and disappears a few
 * seconds later. Data still in its buffers is not delivered (AWS: "data
 * not yet delivered is lost"); it is counted as lost.
 */
import { ValidationErrors } from '../../core/errors';
import { findDeliveryStream, type FirehoseContext } from '../context';
import { DELETE_DELAY_MS } from '../constants';
import { checkDeliveryStreamName } from './createDeliveryStream';
import type { DeleteDeliveryStreamInput } from '../types';

export function deleteDeliveryStream(ctx: FirehoseContext, input: DeleteDeliveryStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  v.throwIfAny();
  const st = findDeliveryStream(ctx, input.DeliveryStreamName);
  if (st.status === 'DELETING') return {};
  st.status = 'DELETING';
  ctx.core.schedule(DELETE_DELAY_MS, `firehose:${st.name}:deleted`, () => {
    st.deleted = true;
    const waiting = st.buffers.totals().records + (st.lambdaStage?.totals().records ?? 0) + st.retryQueue.reduce((n, p) => n + (p.target === 'backup' ? 0 : p.batch.records), 0);
    st.counters.lost += waiting;
    for (const set of [st.buffers, st.errorBuffers, st.backupBuffers, st.lambdaStage]) {
      if (set === undefined) continue;
      for (const b of set.partitions.values()) if (b.timer !== undefined) b.timer.cancelled = true;
      set.partitions.clear();
    }
    st.retryQueue = [];
    if (ctx.streams.get(st.name) === st) ctx.streams.delete(st.name);
  });
  return {};
}
