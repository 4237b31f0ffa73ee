/**
 * PutObject: stores bytes under a key (replacing any object there). Firehose
 * writes through storeObject directly; this is the user-facing operation.
 */
import { findBucket, storeObject, type S3Context } from '../s3Model';

export interface PutObjectInput { Bucket: string; Key: string; Body: Uint8Array; ContentType?: string }

export function putObject(ctx: S3Context, input: PutObjectInput): Record<string, never> {
  const bucket = findBucket(ctx, input?.Bucket);
  const body = input.Body instanceof Uint8Array ? input.Body.slice() : new Uint8Array(0);
  storeObject(bucket, { key: String(input.Key), size: body.length, sizeExact: true, lastModified: ctx.now(), body, contentType: input.ContentType });
  return {};
}
