/**
 * createSimulation: one deterministic simulated world (clock, seeded generator,
 * event queue) with its AWS services. The same seed and the same commands give
 * the same world, bit for bit.
 */
import { SimCore, type SimCoreOptions } from './core/simCore';
import { createKinesisService, type KinesisApi } from './kinesis/kinesisService';
import type { KinesisContext, KinesisOptions } from './kinesis/context';
import { kinesisShapes } from './kinesis/operations/shapes';
import { handleAwsJson, type WireResponse, type WireService } from './wire/awsJson';
import { handleHttp, type HttpRequest, type HttpResponse, type RestRoute } from './wire/http';
import { createLambdaService, type LambdaApi } from './lambda/lambdaService';
import type { LambdaOptions } from './lambda/context';
import { createS3Service, type S3Api } from './s3/s3Service';
import { createGlueService, type GlueApi } from './glue/glueService';
import type { GlueContext } from './glue/catalog';
import { createFirehoseService, type FirehoseApi } from './firehose/firehoseService';
import type { FirehoseContext, FirehoseOptions } from './firehose/context';
import { createProcessingHooks } from './firehose/createProcessingHooks';
import { createTrafficService, type TrafficService } from './traffic/trafficService';
import { createTrafficApi, type TrafficApi } from './traffic/trafficApi';
import { createMetricsService, type MetricsApi } from './metrics/metricsService';
import { createCostService, type CostApi } from './cost/costService';
import { createAnalyticsService, type AnalyticsApi } from './analytics/analyticsService';
import type { AnalyticsContext, AnalyticsOptions } from './analytics/context';
import { createVideoService, type VideoApi } from './video/videoService';
import type { VideoContext } from './video/context';
import { videoRoutes } from './video/videoRoutes';
import { createRekognitionService, type RekognitionApi } from './rekognition/rekognitionService';
import { createInspectApi, type InspectApi } from './inspect/inspectApi';
import type { RekognitionContext } from './rekognition/context';

export interface SimulationOptions extends SimCoreOptions, KinesisOptions, LambdaOptions, FirehoseOptions, AnalyticsOptions {}

export interface Simulation {
  /** Simulated epoch milliseconds. */
  now(): number;
  /**
   * Runs every scheduled event up to now + ms, in order, and everything due
   * with them: lazily loaded work (jq, Parquet, Lambda handlers, faker) is
   * settled before each event, so it lands at its simulated time.
   */
  advance(ms: number): Promise<void>;
  /** The synchronous advance: throws PendingAsyncWorkError rather than run an event while async work is pending. */
  advanceSync(ms: number): void;
  /** The core: clock, queue, generator, event log. */
  core: SimCore;
  /** Kinesis Data Streams, typed: `sim.kinesis.putRecord({...})`. */
  kinesis: KinesisApi;
  /** Kinesis internals, for other services and views (not an AWS API). */
  kinesisContext: KinesisContext;
  /** The simulated Lambda service: createFunction/getFunction/... and the engine-internal invoke. */
  lambda: LambdaApi;
  /** The simulated S3 holding delivered objects: `sim.s3.listObjectsV2({...})`. */
  s3: S3Api;
  /** The simulated Glue Data Catalog, where record format conversion finds its schema: `sim.glue.createTable({...})`. */
  glue: GlueApi;
  /** The catalog's plain-data state. */
  glueContext: GlueContext;
  /** Amazon Data Firehose, typed: `sim.firehose.putRecordBatch({...})`, plus its simulator controls. */
  firehose: FirehoseApi;
  /** Firehose internals, for views and other services (not an AWS API). */
  firehoseContext: FirehoseContext;
  /** Producers and consumers: `sim.traffic.addProducer({...})`. */
  traffic: TrafficApi;
  /** The traffic registry and heartbeat, for engine modules (not an AWS API). */
  trafficService: TrafficService;
  /** CloudWatch-like metrics at 1-second resolution: `sim.metrics.kinesis.series({...})`. */
  metrics: MetricsApi;
  /** Kinesis Data Analytics / Managed Service for Apache Flink, typed: `sim.analytics.createApplication({...})`. */
  analytics: AnalyticsApi;
  /** Analytics internals, for views (not an AWS API). */
  analyticsContext: AnalyticsContext;
  /** Kinesis Video Streams, typed (`sim.video.createStream({...})`), with cameras and consumers. */
  video: VideoApi;
  /** Video internals, for other services and views (not an AWS API). */
  videoContext: VideoContext;
  /** Amazon Rekognition stream processors over the video streams: `sim.rekognition.createStreamProcessor({...})`. */
  rekognition: RekognitionApi;
  /** Rekognition internals (processors, notifications): reachable here so checkpoints copy them. */
  rekognitionContext: RekognitionContext;
  /** What the world has cost so far at list prices: `sim.cost.summary()`. */
  cost: CostApi;
  /** Read-only queries for views (record trace, settings, S3 tree, panels): `sim.inspect.traceRecord(...)`; they change nothing. */
  inspect: InspectApi;
  /** The AWS JSON 1.1 protocol: X-Amz-Target and JSON body in, `{ status, body }` out. */
  handleAwsJson(target: string, body: string): WireResponse;
  /** Every simulated service by its real protocol: JSON 1.1 by X-Amz-Target, REST-JSON by path. */
  handleHttp(req: HttpRequest): HttpResponse;
  /** The REST-JSON routes `handleHttp` serves (services add theirs at creation). */
  restRoutes: RestRoute[];
}

/** Creates a simulation. */
export function createSimulation(opts: SimulationOptions = {}): Simulation {
  const core = new SimCore(opts);
  const kinesis = createKinesisService(core, opts);
  const lambda = createLambdaService(core, opts);
  const s3 = createS3Service(core);
  const firehose = createFirehoseService(core, s3.context, kinesis.context, opts);
  const glue = createGlueService(core);
  // Firehose resolves a SchemaConfiguration's DatabaseName and TableName in this catalog.
  firehose.context.glue = glue.context;
  const trafficService = createTrafficService(core, kinesis.context, firehose);
  const metrics = createMetricsService(trafficService);
  const wire: WireService[] = [
    {
      targetPrefix: 'Kinesis_20131202',
      // The wire names operations in PascalCase; the typed API in camelCase.
      operations: pascalOperations(kinesis.api as unknown as Record<string, (input: unknown) => unknown>),
      blobFields: new Set(['Data']),
      // The account settings' commitment times are timestamps too [BC-K MinimumThroughputBillingCommitmentOutput].
      isTimestampField: (name) => name.endsWith('Timestamp') || name === 'StartedAt' || name === 'EndedAt' || name === 'EarliestAllowedEndAt',
      shapes: kinesisShapes,
    },
    firehose.wire,
    glue.wire,
  ];
  const analytics = createAnalyticsService(core, kinesis.context, kinesis.api, firehose.api, lambda, opts);
  wire.push(analytics.wire);
  const video = createVideoService(core);
  const rekognition = createRekognitionService(core, video.context, kinesis.api, s3.api);
  wire.push(rekognition.wire);
  const restRoutes: RestRoute[] = [...videoRoutes(video.context)];
  // The Lambda transform, jq partition keys and format conversion plug into the delivery pipeline (processingHooks.ts).
  firehose.api.registerProcessing(createProcessingHooks({ core, lambda }));
  const sim: Omit<Simulation, 'inspect'> = {
    now: () => core.now(),
    advance: (ms) => core.advance(ms),
    advanceSync: (ms) => core.advanceSync(ms),
    core,
    kinesis: kinesis.api,
    kinesisContext: kinesis.context,
    lambda,
    s3: s3.api,
    glue: glue.api,
    glueContext: glue.context,
    firehose: firehose.api,
    firehoseContext: firehose.context,
    traffic: createTrafficApi(trafficService, lambda, metrics.kinesis),
    trafficService,
    metrics,
    analytics: analytics.api,
    analyticsContext: analytics.context,
    video: video.api,
    videoContext: video.context,
    rekognition: rekognition.api,
    rekognitionContext: rekognition.context,
    cost: createCostService(core, kinesis.context, firehose.context, video.context, analytics.context),
    handleAwsJson: (target, body) => handleAwsJson(wire, target, body),
    handleHttp: (req) => handleHttp(wire, restRoutes, req),
    restRoutes,
  };
  return Object.assign(sim, { inspect: createInspectApi(sim) });
}

/** Maps a typed API's camelCase methods to the wire's PascalCase operation names. */
export function pascalOperations(api: Record<string, (input: unknown) => unknown>): Record<string, (input: unknown) => unknown> {
  return Object.fromEntries(Object.entries(api).map(([k, f]) => [k[0].toUpperCase() + k.slice(1), f]));
}
