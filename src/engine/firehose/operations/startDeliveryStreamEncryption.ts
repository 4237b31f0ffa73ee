/**
 * StartDeliveryStreamEncryption: server-side encryption state only (no
 * bytes are encrypted): ENABLING, then ENABLED. Start and Stop together are
 * limited to 25 calls per stream per 24 h [BC-F; facts B1].
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkEnum } from '../../kinesis/validation';
import { findActiveDeliveryStream, type FirehoseContext } from '../context';
import { checkDeliveryStreamName } from './createDeliveryStream';
import type { DeliveryStreamState } from '../deliveryStreamModel';
import { FIREHOSE_LIFECYCLE, type EncryptionPayload } from '../lifecycleEvents';
import type { StartDeliveryStreamEncryptionInput } from '../types';

export const ENCRYPTION_CALLS_PER_DAY = 25;
/** ENABLING/DISABLING last this long in the simulator (AWS gives no figure). */
export const ENCRYPTION_DELAY_MS = 2000;

/** Counts a Start/Stop call against the 25-per-24-h limit. */
export function countEncryptionCall(ctx: FirehoseContext, st: DeliveryStreamState): void {
  const now = ctx.core.now();
  const recent = (st.encryptionCalls ?? []).filter((t) => now - t < 86400000);
  if (recent.length >= ENCRYPTION_CALLS_PER_DAY) {
    throw new AwsError('LimitExceededException', `You have exceeded the limit of ${ENCRYPTION_CALLS_PER_DAY} StartDeliveryStreamEncryption and StopDeliveryStreamEncryption calls for ${st.name} in 24 hours.`);
  }
  recent.push(now);
  st.encryptionCalls = recent;
}

export function startDeliveryStreamEncryption(ctx: FirehoseContext, input: StartDeliveryStreamEncryptionInput): Record<string, never> {
  const v = new ValidationErrors();
  checkDeliveryStreamName(v, input.DeliveryStreamName);
  checkEnum(v, input.DeliveryStreamEncryptionConfigurationInput?.KeyType, 'deliveryStreamEncryptionConfigurationInput.keyType', ['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']);
  v.throwIfAny();
  const st = findActiveDeliveryStream(ctx, input.DeliveryStreamName);
  const cfg = input.DeliveryStreamEncryptionConfigurationInput ?? { KeyType: 'AWS_OWNED_CMK' as const };
  if (cfg.KeyType === 'CUSTOMER_MANAGED_CMK' && cfg.KeyARN === undefined) throw new AwsError('InvalidArgumentException', 'KeyARN is required when KeyType is CUSTOMER_MANAGED_CMK.');
  countEncryptionCall(ctx, st);
  st.encryption = { KeyType: cfg.KeyType, Status: 'ENABLING', ...(cfg.KeyARN !== undefined ? { KeyARN: cfg.KeyARN } : {}) };
  const enc = st.encryption;
  ctx.core.scheduleEvent(ENCRYPTION_DELAY_MS, FIREHOSE_LIFECYCLE.encryptionEnabled, { st, enc } satisfies EncryptionPayload, `firehose:${st.name}:encryption`);
  return {};
}
