/**
 * HeadObject: an object's metadata without its body. S3 answers a missing key
 * on HEAD with a bare 404 (no error body), which the SDK reports as NotFound.
 */
import { AwsError } from '../../core/errors';
import { findBucket, settleSize, type S3Context } from '../s3Model';

export interface HeadObjectInput { Bucket: string; Key: string }
export interface HeadObjectOutput { ContentLength: number; LastModified: number; ContentType: string }

export function headObject(ctx: S3Context, input: HeadObjectInput): HeadObjectOutput {
  const bucket = findBucket(ctx, input?.Bucket);
  let obj = bucket.objects.get(input.Key);
  if (obj === undefined) throw new AwsError('NotFound', 'Not Found', 404);
  settleSize(ctx, obj, bucket);
  obj = bucket.objects.get(input.Key)!;
  return { ContentLength: obj.size, LastModified: obj.lastModified, ContentType: obj.contentType ?? 'application/octet-stream' };
}
