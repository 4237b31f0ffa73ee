/**
 * GetObject: the object's bytes (Body as a Uint8Array, as the SDK's
 * transformToByteArray gives them), ContentLength and LastModified (simulated
 * epoch ms). Lazily delivered objects are materialised here.
 */
import { findBucket, noSuchKey, objectBytes, type S3Context } from '../s3Model';

export interface GetObjectInput { Bucket: string; Key: string }
export interface GetObjectOutput {
  Body: Uint8Array;
  ContentLength: number;
  LastModified: number;
  ContentType: string;
  ContentEncoding?: string;
  Metadata?: Record<string, string>;
}

export function getObject(ctx: S3Context, input: GetObjectInput): GetObjectOutput {
  const bucket = findBucket(ctx, input?.Bucket);
  let obj = bucket.objects.get(input.Key);
  if (obj === undefined) throw noSuchKey(String(input.Key));
  const body = objectBytes(ctx, obj, bucket);
  obj = bucket.objects.get(input.Key)!;
  const out: GetObjectOutput = { Body: body, ContentLength: body.length, LastModified: obj.lastModified, ContentType: obj.contentType ?? 'application/octet-stream' };
  if (obj.contentEncoding !== undefined) out.ContentEncoding = obj.contentEncoding;
  if (obj.metadata !== undefined) out.Metadata = { ...obj.metadata };
  return out;
}
