/**
 * The simulated S3 of a simulation: `sim.s3.<operation>(input)` in the AWS
 * SDK's shapes, plus its context for the engine's own writers (Firehose).
 */
import type { SimCore } from '../core/simCore';
import { BodyBuilders, type S3Context } from './s3Model';
import { createBucket } from './operations/createBucket';
import { deleteBucket } from './operations/deleteBucket';
import { listObjectsV2 } from './operations/listObjectsV2';
import { getObject } from './operations/getObject';
import { headObject } from './operations/headObject';
import { putObject } from './operations/putObject';
import { deleteObject } from './operations/deleteObject';
import { listBuckets } from './operations/listBuckets';

const ops = { createBucket, deleteBucket, listObjectsV2, getObject, headObject, putObject, deleteObject, listBuckets };

/** The typed S3 API. */
export type S3Api = { [K in keyof typeof ops]: (input: Parameters<(typeof ops)[K]>[1]) => ReturnType<(typeof ops)[K]> };

export interface S3Service { context: S3Context; api: S3Api }

/** Builds sim.s3: the typed API and its context. */
export function createS3Service(core: SimCore): S3Service {
  const context: S3Context = { buckets: new Map(), now: () => core.now(), region: core.region, builders: new BodyBuilders() };
  const api = {} as Record<string, (input: unknown) => unknown>;
  for (const [name, op] of Object.entries(ops)) api[name] = (input: unknown) => (op as (c: S3Context, i: unknown) => unknown)(context, input ?? {});
  return { context, api: api as unknown as S3Api };
}
