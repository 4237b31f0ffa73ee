/** StopDeliveryStreamEncryption: DISABLING, then DISABLED (state only) [BC-F]. */
import { ValidationErrors } from '../../core/errors';
import { findActiveDeliveryStream, type FirehoseContext } from '../context';
import { checkDeliveryStreamName } from './createDeliveryStream';
import { countEncryptionCall, ENCRYPTION_DELAY_MS } from './startDeliveryStreamEncryption';
import { FIREHOSE_LIFECYCLE, type EncryptionPayload } from '../lifecycleEvents';
import type { DeliveryStreamNameInput } from '../types';

export function stopDeliveryStreamEncryption(ctx: FirehoseContext, input: DeliveryStreamNameInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  v.throwIfAny();
  const st = findActiveDeliveryStream(ctx, input.DeliveryStreamName);
  countEncryptionCall(ctx, st);
  const enc = { Status: 'DISABLING' } as EncryptionPayload['enc'];
  st.encryption = enc;
  ctx.core.scheduleEvent(ENCRYPTION_DELAY_MS, FIREHOSE_LIFECYCLE.encryptionDisabled, { st, enc } satisfies EncryptionPayload, `firehose:${st.name}:encryption`);
  return {};
}
