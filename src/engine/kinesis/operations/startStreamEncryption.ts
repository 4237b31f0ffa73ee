/**
 * StartStreamEncryption: server-side encryption with a KMS key (a key id, key
 * ARN, alias name, alias ARN, or `alias/aws/kinesis`). The stream goes UPDATING
 * and back to ACTIVE; records written from then on are encrypted, records
 * already stored are not [BC-K StartStreamEncryption]. No KMS is simulated: any
 * well-formed key reference exists and is enabled.
 */
import { invalidArgument, ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { checkEnum, checkStreamRef, checkString } from '../validation';
import { chargeEncryptionCall, isKmsKeyReference, kmsNotFound, scheduleEncryptionChange } from '../encryption';
import type { StreamRef } from '../types';

export interface StreamEncryptionInput extends StreamRef {
  EncryptionType: 'NONE' | 'KMS';
  KeyId: string;
}

/** EncryptionType (NONE or KMS) and KeyId (1..2048 characters), both required [BC-K]. */
export function checkEncryptionInput(v: ValidationErrors, input: StreamEncryptionInput): void {
  checkStreamRef(v, input);
  checkEnum(v, input.EncryptionType, 'encryptionType', ['NONE', 'KMS'], true);
  checkString(v, input.KeyId, 'keyId', 1, 2048, true);
}

export function startStreamEncryption(ctx: KinesisContext, input: StreamEncryptionInput): Record<string, never> {
  const v = new ValidationErrors();
  checkEncryptionInput(v, input);
  v.throwIfAny();
  // "The encryption type to use. The only valid value is KMS." [BC-K StartStreamEncryption]
  if (input.EncryptionType !== 'KMS') throw invalidArgument(`EncryptionType ${input.EncryptionType} is not supported by StartStreamEncryption; the only valid value is KMS.`);
  const s = findActiveStream(ctx, input);
  if (!isKmsKeyReference(input.KeyId)) throw kmsNotFound(input.KeyId);
  chargeEncryptionCall(ctx, s, 'starts');
  scheduleEncryptionChange(ctx, s, 'KMS', input.KeyId);
  return {};
}
