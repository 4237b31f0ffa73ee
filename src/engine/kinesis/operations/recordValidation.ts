/**
 * Validation of one record for PutRecord and PutRecords: partition key of 1..256
 * Unicode characters, optional ExplicitHashKey in 0..2^128-1, and data plus key
 * within the stream's maximum record size (1 MiB by default) [BC-K].
 */
import { invalidArgument, type ValidationErrors } from '../../core/errors';
import { utf8Length } from '../../core/utf8';
import { PARTITION_KEY_MAX_CHARS, KiB } from '../constants';
import { HASH_KEY_PATTERN, parseHashKey } from '../hashKey';

/** Counts Unicode characters (code points), as AWS does for partition keys. */
function charCount(text: string): number {
  if (text.length <= PARTITION_KEY_MAX_CHARS) return text.length; // can only shrink
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** A record field's path as AWS names it: `partitionKey` for PutRecord (entry 0), `records.3.member.partitionKey` for entry 3 of PutRecords. */
function fieldPath(entry: number, field: string): string {
  return entry === 0 ? field : `records.${entry}.member.${field}`;
}

/**
 * Checks one record's fields; adds failures to `v` with the field path AWS uses
 * (`partitionKey` or `records.3.member.partitionKey`: `entry` is 0 for PutRecord,
 * the 1-based entry for PutRecords, and the path is built only for a failure).
 * Returns the key's UTF-8 size.
 */
export function checkRecordFields(v: ValidationErrors, data: unknown, key: unknown, ehk: unknown, entry: number, maxRecordBytes: number): number {
  if (!(data instanceof Uint8Array)) v.add(data, fieldPath(entry, 'data'), 'not be null');
  else if (data.length > maxRecordBytes) {
    v.add(`java.nio.HeapByteBuffer[pos=0 lim=${data.length} cap=${data.length}]`, fieldPath(entry, 'data'), `have length less than or equal to ${maxRecordBytes}`);
  }
  let keyBytes = 0;
  if (typeof key !== 'string') v.add(key, fieldPath(entry, 'partitionKey'), 'not be null');
  else {
    const n = charCount(key);
    if (n < 1) v.add(key, fieldPath(entry, 'partitionKey'), 'have length greater than or equal to 1');
    else if (n > PARTITION_KEY_MAX_CHARS) v.add(key, fieldPath(entry, 'partitionKey'), `have length less than or equal to ${PARTITION_KEY_MAX_CHARS}`);
    keyBytes = utf8Length(key);
  }
  if (ehk !== undefined && ehk !== null && (typeof ehk !== 'string' || !HASH_KEY_PATTERN.test(ehk))) {
    v.add(ehk, fieldPath(entry, 'explicitHashKey'), 'satisfy regular expression pattern: 0|([1-9]\\d{0,38})');
  }
  return keyBytes;
}

/** ExplicitHashKey above 2^128-1 is an InvalidArgumentException [kinesalite, matching AWS]. */
export function checkExplicitHashKeyRange(ehk: string | undefined): void {
  if (ehk !== undefined && parseHashKey(ehk) === undefined) {
    throw invalidArgument(`Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${ehk}`);
  }
}

/** Data plus partition key must fit the stream's maximum record size. */
export function checkRecordSize(dataBytes: number, keyBytes: number, maxRecordSizeKiB: number): string | undefined {
  const max = maxRecordSizeKiB * KiB;
  if (dataBytes + keyBytes > max) {
    return `Record size (data plus partition key) of ${dataBytes + keyBytes} bytes exceeds the stream's maximum record size of ${max} bytes.`;
  }
  return undefined;
}
