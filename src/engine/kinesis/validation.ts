/**
 * Field validations shared by the operations, with AWS's constraint wording.
 */
import { ValidationErrors } from '../core/errors';
import { STREAM_NAME_MAX, STREAM_NAME_PATTERN } from './constants';

/** Validates a stream name field: 1..128 of [a-zA-Z0-9_.-] [BC-K]. */
export function checkStreamName(v: ValidationErrors, value: unknown, field = 'streamName', required = true): void {
  if (value === undefined || value === null) {
    if (required) v.add(value, field, 'not be null');
    return;
  }
  if (typeof value !== 'string') return v.add(value, field, 'be a string');
  if (value.length < 1 || value.length > STREAM_NAME_MAX) v.add(value, field, `have length less than or equal to ${STREAM_NAME_MAX}`);
  else if (!STREAM_NAME_PATTERN.test(value)) v.add(value, field, 'satisfy regular expression pattern: [a-zA-Z0-9_.-]+');
}

/** Validates an integer field within [min, max]. */
export function checkInt(v: ValidationErrors, value: unknown, field: string, min: number, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) v.add(value, field, 'not be null');
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return v.add(value, field, 'be an integer');
  if (value < min) v.add(value, field, `have value greater than or equal to ${min}`);
  else if (value > max) v.add(value, field, `have value less than or equal to ${max}`);
}

/** Validates a string field with a length range and optional pattern. */
export function checkString(v: ValidationErrors, value: unknown, field: string, min: number, max: number, required = false, pattern?: RegExp, patternText?: string): void {
  if (value === undefined || value === null) {
    if (required) v.add(value, field, 'not be null');
    return;
  }
  if (typeof value !== 'string') return v.add(value, field, 'be a string');
  if (value.length < min) v.add(value, field, `have length greater than or equal to ${min}`);
  else if (value.length > max) v.add(value, field, `have length less than or equal to ${max}`);
  else if (pattern !== undefined && !pattern.test(value)) v.add(value, field, `satisfy regular expression pattern: ${patternText ?? pattern.source}`);
}

/** Validates one value of an enum. */
export function checkEnum(v: ValidationErrors, value: unknown, field: string, values: readonly string[], required = false): void {
  if (value === undefined || value === null) {
    if (required) v.add(value, field, 'not be null');
    return;
  }
  if (typeof value !== 'string' || !values.includes(value)) v.add(value, field, `satisfy enum value set: [${values.join(', ')}]`);
}

/** Validates that either a stream name or ARN is present and well formed. */
export function checkStreamRef(v: ValidationErrors, input: { StreamName?: unknown; StreamARN?: unknown }): void {
  checkStreamName(v, input.StreamName, 'streamName', false);
  checkString(v, input.StreamARN, 'streamARN', 1, 2048, false, /^arn:aws.*:kinesis:.*:\d{12}:stream\/\S+$/, 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+');
}

export { ValidationErrors };
