/**
 * Amazon S3 request shapes (s3 2006-03-01) for the operations the simulated
 * buckets serve, as the AWS CLI's `s3api` names their members.
 */
import { s, type OperationShape } from '../../core/shape';

const bucket = s.string({ min: 3, max: 63 });
const key = s.string({ min: 1, max: 1024 });

/** The simulated S3 operations' request shapes, by AWS operation name. */
export const s3Shapes: Record<string, OperationShape> = {
  CreateBucket: { input: s.structure({ Bucket: bucket }, ['Bucket']) },
  DeleteBucket: { input: s.structure({ Bucket: bucket }, ['Bucket']), emptyOutput: true },
  GetObject: { input: s.structure({ Bucket: bucket, Key: key }, ['Bucket', 'Key']) },
  HeadObject: { input: s.structure({ Bucket: bucket, Key: key }, ['Bucket', 'Key']) },
  ListBuckets: { input: s.structure({}) },
  ListObjectsV2: {
    input: s.structure({ Bucket: bucket, Delimiter: s.string(), Prefix: s.string(), ContinuationToken: s.string(), StartAfter: s.string(), MaxKeys: s.integer() }, ['Bucket']),
  },
};
