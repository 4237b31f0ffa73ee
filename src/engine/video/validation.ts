/**
 * Request checks shared by the kinesisvideo operations. Kinesis Video Streams
 * answers bad input with InvalidArgumentException, in the "N validation
 * error(s) detected: Value 'x' at 'field' failed to satisfy constraint" form.
 */
import { AwsError, ValidationErrors } from '../core/errors';

/** Collects failures like ValidationErrors but throws InvalidArgumentException, as this service does. */
export class VideoValidation extends ValidationErrors {
  override throwIfAny(): void {
    try {
      super.throwIfAny();
    } catch (e) {
      if (e instanceof AwsError) throw new AwsError('InvalidArgumentException', e.message);
      throw e;
    }
  }

  /** A string of length lo..hi matching `pattern` (or absent when not required). */
  str(value: unknown, field: string, lo: number, hi: number, pattern?: RegExp, required = false): void {
    if (value === undefined) {
      if (required) this.add(value, field, 'not be null');
      return;
    }
    if (typeof value !== 'string') return this.add(value, field, 'be a string');
    if (value.length < lo || value.length > hi) this.add(value, field, `have length between ${lo} and ${hi}`);
    else if (pattern !== undefined && !pattern.test(value)) this.add(value, field, `satisfy regular expression pattern: ${pattern.source.replace(/^\^|\$$/g, '')}`);
  }

  /** An integer in lo..hi (or absent when not required). */
  int(value: unknown, field: string, lo: number, hi: number, required = false): void {
    if (value === undefined) {
      if (required) this.add(value, field, 'not be null');
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.add(value, field, 'be an integer');
    if (value < lo) this.add(value, field, `have value greater than or equal to ${lo}`);
    else if (value > hi) this.add(value, field, `have value less than or equal to ${hi}`);
  }

  /** One of `values` (or absent when not required). */
  oneOf(value: unknown, field: string, values: readonly string[], required = false): void {
    if (value === undefined) {
      if (required) this.add(value, field, 'not be null');
      return;
    }
    if (typeof value !== 'string' || !values.includes(value)) this.add(value, field, `satisfy enum value set: [${values.join(', ')}]`);
  }
}

/** Stream and channel names: 1..256 of [a-zA-Z0-9_.-] [BC-KV StreamName]. */
export const NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
/** MediaType: type/subtype, comma-separated [BC-KV MediaType]. */
export const MEDIA_TYPE_PATTERN = /^[\w\-.+]+\/[\w\-.+]+(,[\w\-.+]+\/[\w\-.+]+)*$/;
/** Versions are 1..64 alphanumerics [BC-KV Version]. */
export const VERSION_PATTERN = /^[A-Za-z0-9]+$/;
/** Tag keys 1..128, values 0..256 [BC-KV TagKey/TagValue]. */
export function checkTags(v: VideoValidation, tags: Record<string, string> | undefined, field: string): void {
  if (tags === undefined) return;
  for (const [k, val] of Object.entries(tags)) {
    v.str(k, `${field}.key`, 1, 128);
    v.str(val, `${field}.value`, 0, 256);
  }
}
