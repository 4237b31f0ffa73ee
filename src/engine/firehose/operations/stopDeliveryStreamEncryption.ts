/** StopDeliveryStreamEncryption: DISABLING, then DISABLED (state only) [BC-F]. */
import { ValidationErrors } from '../../core/errors';
import { findActiveDeliveryStream, type FirehoseContext } from '../context';
import { checkDeliveryStreamName } from './createDeliveryStream';
import { countEncryptionCall } from './startDeliveryStreamEncryption';
import type { DeliveryStreamNameInput } from '../types';

export function stopDeliveryStreamEncryption(ctx: FirehoseContext, input: DeliveryStreamNameInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  v.throwIfAny();
  const st = findActiveDeliveryStream(ctx, input.DeliveryStreamName);
  countEncryptionCall(ctx, st);
  const enc = { Status: 'DISABLING' as const };
  st.encryption = enc as never;
  ctx.core.schedule(2000, `firehose:${st.name}:encryption`, () => {
    if (st.encryption === (enc as never)) st.encryption = undefined;
  });
  return {};
}
