/**
 * ListObjectsV2: keys in UTF-8 binary order, at most MaxKeys (default and
 * maximum 1,000) per page. With a Delimiter, keys sharing the part of the key
 * up to the first delimiter after Prefix roll up into one CommonPrefix; keys
 * and common prefixes together count towards MaxKeys and KeyCount.
 */
import { AwsError } from '../../core/errors';
import { fromBase64, toBase64 } from '../../core/base64';
import { decodeUtf8, encodeUtf8 } from '../../core/utf8';
import { findBucket, settleSize, sortedKeys, type S3Context } from '../s3Model';

export interface ListObjectsV2Input {
  Bucket: string;
  Prefix?: string;
  Delimiter?: string;
  ContinuationToken?: string;
  StartAfter?: string;
  MaxKeys?: number;
}

export interface S3ObjectSummary { Key: string; LastModified: number; Size: number; StorageClass: 'STANDARD' }

export interface ListObjectsV2Output {
  Name: string;
  Prefix: string;
  Delimiter?: string;
  MaxKeys: number;
  KeyCount: number;
  IsTruncated: boolean;
  Contents?: S3ObjectSummary[];
  CommonPrefixes?: Array<{ Prefix: string }>;
  ContinuationToken?: string;
  NextContinuationToken?: string;
  StartAfter?: string;
}

const MAX_KEYS = 1000;

export function listObjectsV2(ctx: S3Context, input: ListObjectsV2Input): ListObjectsV2Output {
  const bucket = findBucket(ctx, input?.Bucket);
  const prefix = input.Prefix ?? '';
  const delimiter = input.Delimiter === '' ? undefined : input.Delimiter;
  const maxKeys = input.MaxKeys === undefined ? MAX_KEYS : Math.max(0, Math.min(MAX_KEYS, Math.floor(input.MaxKeys)));
  let after = input.StartAfter ?? '';
  if (input.ContinuationToken !== undefined) {
    const raw = fromBase64(input.ContinuationToken);
    if (raw === undefined) throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect');
    after = decodeUtf8(raw);
  }
  const keys = sortedKeys(bucket);
  // First key after `after` that can match the prefix (binary search).
  const from = after > prefix ? after : prefix;
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < from || (keys[mid] === after && after !== '')) lo = mid + 1;
    else hi = mid;
  }
  const contents: S3ObjectSummary[] = [];
  const common: string[] = [];
  let last = '';
  let truncated = false;
  for (let i = lo; i < keys.length; i++) {
    const key = keys[i];
    if (!key.startsWith(prefix)) break;
    if (key <= after) continue;
    let entry: string = key;
    let isCommon = false;
    if (delimiter !== undefined) {
      const d = key.indexOf(delimiter, prefix.length);
      if (d >= 0) {
        entry = key.slice(0, d + delimiter.length);
        isCommon = true;
        if (common.length > 0 && common[common.length - 1] === entry) continue;
      }
    }
    if (contents.length + common.length >= maxKeys) {
      truncated = true;
      break;
    }
    if (isCommon) {
      common.push(entry);
      // The continuation resumes after every key under this common prefix.
      last = entry + '\uffff';
    } else {
      // An exact object compressed lazily is compressed when first listed, so Size is exact.
      settleSize(ctx, bucket.objects.get(key)!, bucket);
      const o = bucket.objects.get(key)!;
      contents.push({ Key: key, LastModified: o.lastModified, Size: o.size, StorageClass: 'STANDARD' });
      last = key;
    }
  }
  const out: ListObjectsV2Output = {
    Name: bucket.name,
    Prefix: prefix,
    MaxKeys: maxKeys,
    KeyCount: contents.length + common.length,
    IsTruncated: truncated,
  };
  if (delimiter !== undefined) out.Delimiter = delimiter;
  if (contents.length > 0) out.Contents = contents;
  if (common.length > 0) out.CommonPrefixes = common.map((p) => ({ Prefix: p }));
  if (input.ContinuationToken !== undefined) out.ContinuationToken = input.ContinuationToken;
  if (input.StartAfter !== undefined) out.StartAfter = input.StartAfter;
  if (truncated) out.NextContinuationToken = toBase64(encodeUtf8(last));
  return out;
}
