/** DeleteBucket: only an empty bucket can be deleted (BucketNotEmpty otherwise). */
import { AwsError } from '../../core/errors';
import { findBucket, type S3Context } from '../s3Model';

export interface DeleteBucketInput { Bucket: string }

export function deleteBucket(ctx: S3Context, input: DeleteBucketInput): Record<string, never> {
  const bucket = findBucket(ctx, input?.Bucket);
  if (bucket.objects.size > 0) throw new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
  ctx.buckets.delete(bucket.name);
  return {};
}
