/**
 * The scenario document: a versioned JSON description of one run — seed,
 * start time, the topology built at the start, and commands at simulated
 * times. The same scenario always gives the same run; a share link carries it.
 */
import type { GlueTableSpec } from './glueShapes';
import type { CreateStreamInput, EnhancedMonitoringInput, ProducerInput, ConsumerSpec as EngineConsumerSpec, CreateFunctionInput } from '../engine';

/** A JSON value (what args and open configs hold). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A producer: sim.traffic.addProducer's config (its id is assigned in creation order: producer-1, ...). */
export type ProducerSpec = ProducerInput;

/** A consumer: sim.traffic.addConsumer's spec without callbacks (ids: consumer-N, kcl-N, esm-N in creation order). */
export type ConsumerSpec = DistributiveOmit<EngineConsumerSpec, 'onRecords'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A CreateDeliveryStream request (the fields the simulator models; others pass through). */
export interface DeliveryStreamSpec {
  DeliveryStreamName: string;
  DeliveryStreamType?: 'DirectPut' | 'KinesisStreamAsSource';
  KinesisStreamSourceConfiguration?: { KinesisStreamARN: string; RoleARN?: string };
  ExtendedS3DestinationConfiguration?: { BucketARN: string; [field: string]: Json | undefined };
  Tags?: Array<{ Key: string; Value?: string }>;
}

/** A Lambda function from the built-in catalogue, with CreateFunction's knobs (a scenario names a built-in instead of a handler). */
export interface LambdaSpec extends Omit<CreateFunctionInput, 'handler' | 'Runtime'> {
  builtin: string;
  options?: Json;
}

export interface BucketSpec {
  Bucket: string;
}

/** What exists at the start, created in this order: buckets, lambdas, streams, delivery streams, consumers, producers. */
export interface Topology {
  streams?: CreateStreamInput[];
  /** EnableEnhancedMonitoring requests, run once the streams are ACTIVE (AWS publishes shard-level metrics only after it). */
  enhancedMonitoring?: EnhancedMonitoringInput[];
  producers?: ProducerSpec[];
  consumers?: ConsumerSpec[];
  deliveryStreams?: DeliveryStreamSpec[];
  lambdas?: LambdaSpec[];
  buckets?: BucketSpec[];
  /** Glue Data Catalog tables (record format conversion's schema), created after the buckets. */
  glueTables?: GlueTableSpec[];
}

/** One engine call at `at` ms after the start; `op` is from the allow-list (scenarioSchema.ts). */
export interface ScenarioCommand {
  at: number;
  op: string;
  args: Json;
  note?: string;
}

export interface Scenario {
  version: 1;
  name: string;
  description?: string;
  seed: number | string;
  /** Simulated epoch milliseconds at the start. */
  startTime: number;
  topology: Topology;
  commands: ScenarioCommand[];
  /** Set when the scenario is (still) a preset, so a share link can stay short. */
  presetId?: string;
}
