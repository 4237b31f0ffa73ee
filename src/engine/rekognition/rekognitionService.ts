/**
 * `sim.rekognition`: Amazon Rekognition's collections (minimal) and stream
 * processors over Kinesis Video Streams, typed, plus the JSON 1.1 wire
 * (`RekognitionService.<Op>`) and queries for the views. Note: AWS closed
 * Streaming Video Analysis to new customers on 2026-04-30 (announced
 * 2026-03-31); accounts that used it in the prior 12 months keep it
 * [LIVE rekognition document-history].
 */
import type { SimCore } from '../core/simCore';
import type { KinesisApi } from '../kinesis/kinesisService';
import type { S3Api } from '../s3/s3Service';
import type { VideoContext } from '../video/context';
import type { WireService } from '../wire/awsJson';
import { registerAnalysis } from './analysis';
import { createRekognitionContext, type RekognitionContext } from './context';
import { detectionsAt } from './detections';
import { createCollection, indexFaces } from './operations/collections';
import { createStreamProcessor } from './operations/createStreamProcessor';
import { deleteStreamProcessor } from './operations/deleteStreamProcessor';
import { describeStreamProcessor } from './operations/describeStreamProcessor';
import { listStreamProcessors } from './operations/listStreamProcessors';
import { startStreamProcessor } from './operations/startStreamProcessor';
import { stopStreamProcessor } from './operations/stopStreamProcessor';
import { registerUpdateEvents, updateStreamProcessor } from './operations/updateStreamProcessor';
import { rekognitionShapes } from './operations/shapes';
import { validateShape } from '../core/validateShape';
import type { LabelNotification, ProcessorState } from './types';

/** The date AWS closed Rekognition Streaming Video Analysis to new customers (the Limits tab shows it). */
export const STREAMING_VIDEO_CLOSED_TO_NEW_CUSTOMERS = '2026-04-30';

export const rekognitionOperations = {
  CreateCollection: createCollection,
  IndexFaces: indexFaces,
  CreateStreamProcessor: createStreamProcessor,
  StartStreamProcessor: startStreamProcessor,
  StopStreamProcessor: stopStreamProcessor,
  UpdateStreamProcessor: updateStreamProcessor,
  DescribeStreamProcessor: describeStreamProcessor,
  ListStreamProcessors: listStreamProcessors,
  DeleteStreamProcessor: deleteStreamProcessor,
};

type Ops = typeof rekognitionOperations;
type LowerFirst<S extends string> = S extends `${infer H}${infer T}` ? `${Lowercase<H>}${T}` : S;

/** sim.rekognition: the AWS operations plus queries for the views. */
export type RekognitionApi = {
  [K in keyof Ops as LowerFirst<K & string>]: (input: Parameters<Ops[K]>[1]) => ReturnType<Ops[K]>;
} & {
  processors(): ProcessorState[];
  notifications(): LabelNotification[];
  detectionsAt(stream: string, t: number): ReturnType<typeof detectionsAt>;
};

export interface RekognitionService {
  context: RekognitionContext;
  api: RekognitionApi;
  wire: WireService;
}

/** Builds sim.rekognition over the video, Kinesis and S3 services. */
export function createRekognitionService(core: SimCore, video: VideoContext, kinesis: KinesisApi, s3: S3Api): RekognitionService {
  const ctx = createRekognitionContext(core, video, kinesis, s3);
  registerAnalysis(ctx);
  registerUpdateEvents(core, ctx);
  const ops: Record<string, (input: unknown) => unknown> = {};
  const api: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(rekognitionOperations)) {
    // The declared shape checks constraints first, as AWS's front end does (ValidationException).
    const shape = (rekognitionShapes as Record<string, { input: Parameters<typeof validateShape>[0] }>)[name].input;
    const f = (input: unknown) => {
      validateShape(shape, input);
      return (op as (c: RekognitionContext, i: unknown) => unknown)(ctx, input ?? {});
    };
    ops[name] = f;
    api[name[0].toLowerCase() + name.slice(1)] = f;
  }
  api.processors = () => [...ctx.processors.values()];
  api.notifications = () => [...ctx.notifications];
  api.detectionsAt = (stream: string, t: number) => detectionsAt(ctx, stream, t);
  return {
    context: ctx,
    api: api as unknown as RekognitionApi,
    wire: {
      targetPrefix: 'RekognitionService',
      operations: ops,
      shapes: rekognitionShapes,
      blobFields: new Set(['Bytes']),
      // KVSStreamStartSelector.ProducerTimestamp is a Long of ms, not a timestamp.
      isTimestampField: (name) => name === 'CreationTimestamp' || name === 'LastUpdateTimestamp',
    },
  };
}
