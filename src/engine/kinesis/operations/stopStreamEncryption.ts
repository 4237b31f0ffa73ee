/**
 * StopStreamEncryption: turns server-side encryption off. The stream goes
 * UPDATING and back to ACTIVE; records written from then on are not
 * encrypted, records already stored stay encrypted [BC-K StopStreamEncryption].
 */
import { invalidArgument, ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { chargeEncryptionCall, scheduleEncryptionChange } from '../encryption';
import { checkEncryptionInput, type StreamEncryptionInput } from './startStreamEncryption';

export function stopStreamEncryption(ctx: KinesisContext, input: StreamEncryptionInput): Record<string, never> {
  const v = new ValidationErrors();
  checkEncryptionInput(v, input);
  v.throwIfAny();
  if (input.EncryptionType !== 'KMS') throw invalidArgument(`EncryptionType ${input.EncryptionType} is not supported by StopStreamEncryption; the only valid value is KMS.`);
  const s = findActiveStream(ctx, input);
  chargeEncryptionCall(ctx, s, 'stops');
  scheduleEncryptionChange(ctx, s, 'NONE');
  return {};
}
