/**
 * What the inspection queries read: the simulation's services and their
 * plain-data states, named structurally so this folder does not import the
 * Simulation that exposes it (no cycle between simulation.ts and inspect/).
 */
import type { SimCore } from '../core/simCore';
import type { KinesisContext } from '../kinesis/context';
import type { FirehoseApi } from '../firehose/firehoseService';
import type { FirehoseContext } from '../firehose/context';
import type { TrafficApi } from '../traffic/trafficApi';
import type { LambdaApi } from '../lambda/lambdaService';
import type { CostApi } from '../cost/costService';
import type { AnalyticsApi } from '../analytics/analyticsService';
import type { AnalyticsContext } from '../analytics/context';
import type { VideoApi } from '../video/videoService';
import type { VideoContext } from '../video/context';
import type { RekognitionApi } from '../rekognition/rekognitionService';

/** The parts of a simulation the queries read (a Simulation is one). */
export interface InspectSources {
  core: SimCore;
  kinesisContext: KinesisContext;
  firehose: FirehoseApi;
  firehoseContext: FirehoseContext;
  traffic: TrafficApi;
  lambda: LambdaApi;
  cost: CostApi;
  analytics: AnalyticsApi;
  analyticsContext: AnalyticsContext;
  video: VideoApi;
  videoContext: VideoContext;
  rekognition: RekognitionApi;
}
