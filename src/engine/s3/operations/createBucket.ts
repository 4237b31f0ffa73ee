/**
 * CreateBucket: a new empty bucket. Names follow S3's rules (3..63 lowercase
 * letters, digits, dots, hyphens); a bucket you already own gives
 * BucketAlreadyOwnedByYou (us-east-1 answers 200 for it; we follow the other Regions).
 */
import { AwsError } from '../../core/errors';
import { BUCKET_NAME_PATTERN, type S3Context } from '../s3Model';
import { ObjectTable } from '../objectTable';

export interface CreateBucketInput { Bucket: string }
export interface CreateBucketOutput { Location: string }

export function createBucket(ctx: S3Context, input: CreateBucketInput): CreateBucketOutput {
  const name = input?.Bucket;
  if (typeof name !== 'string' || !BUCKET_NAME_PATTERN.test(name) || name.includes('..')) {
    throw new AwsError('InvalidBucketName', 'The specified bucket is not valid.');
  }
  if (ctx.buckets.has(name)) {
    throw new AwsError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
  }
  ctx.buckets.set(name, { name, createdAt: ctx.now(), objects: new ObjectTable() });
  return { Location: `/${name}` };
}
