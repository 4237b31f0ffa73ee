/**
 * DeleteObject: removes a key. S3 answers 204 whether or not the key existed
 * (in an unversioned bucket); only a missing bucket is an error.
 */
import { findBucket, type S3Context } from '../s3Model';

export interface DeleteObjectInput { Bucket: string; Key: string }

export function deleteObject(ctx: S3Context, input: DeleteObjectInput): Record<string, never> {
  const bucket = findBucket(ctx, input?.Bucket);
  if (bucket.objects.delete(input.Key)) bucket.sorted = undefined;
  return {};
}
