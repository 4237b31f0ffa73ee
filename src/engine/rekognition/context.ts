/** The Rekognition context: collections, stream processors and published notifications, reachable from the simulation. */
import type { SimCore } from '../core/simCore';
import type { KinesisApi } from '../kinesis/kinesisService';
import type { S3Api } from '../s3/s3Service';
import type { VideoContext } from '../video/context';
import type { CollectionState, LabelNotification, ProcessorState } from './types';

export interface RekognitionContext {
  core: SimCore;
  video: VideoContext;
  kinesis: KinesisApi;
  s3: S3Api;
  collections: Map<string, CollectionState>;
  processors: Map<string, ProcessorState>;
  notifications: LabelNotification[];
}

/** Builds an empty Rekognition context over the video, Kinesis and S3 services it reads and writes. */
export function createRekognitionContext(core: SimCore, video: VideoContext, kinesis: KinesisApi, s3: S3Api): RekognitionContext {
  return { core, video, kinesis, s3, collections: new Map(), processors: new Map(), notifications: [] };
}
