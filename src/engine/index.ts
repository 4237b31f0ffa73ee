/**
 * The engine's public surface: everything outside src/engine (worker, UI,
 * scenarios, CLI, server, exam) imports the engine from here and nowhere
 * else (scripts/check-engine-boundary.mjs fails otherwise). Only tests reach
 * into the internals.
 */
export { createSimulation, type Simulation, type SimulationOptions } from './simulation';
export { DEFAULT_START_TIME, PendingAsyncWorkError } from './core/simCore';
export { AwsError, isAwsError, type AwsErrorName } from './core/errors';
export { takeCheckpoint, restoreCheckpoint, checkpointBlockers, NotCheckpointableError, type Checkpoint } from './checkpoint/checkpoint';
export { createRandom, type Random } from './core/random';
export type { SimEvent } from './events';

// Bytes and text as the wire carries them.
export { toBase64, fromBase64 } from './core/base64';
export { encodeUtf8, decodeUtf8, utf8Length } from './core/utf8';

// Kinesis Data Streams: API types, the hash line, limits, modelled error texts.
export * from './kinesis/types';
export type { EnhancedMonitoringInput } from './kinesis/enhancedMonitoring';
export type { StreamState } from './kinesis/streamModel';
export type { ShardState } from './kinesis/shardModel';
export type { EngineEventStream, EventStreamEnd } from './core/eventStream';
export type { ShardSubscription, SubscriptionEndReason } from './kinesis/efoSubscription';
export { partitionKeyToHashKey, md5Hex, evenHashRanges, bigHigh52, midpoint } from './kinesis/hashKey';
export * as kinesisLimits from './kinesis/constants';
export { MODELLED_ERRORS, type ModelledError } from './kinesis/modelledErrors';

// Firehose, Lambda: limits, the prefix language, the built-in transform functions.
export * as firehoseLimits from './firehose/constants';
export { compilePrefix, evaluatePrefix, type CompiledPrefix, type PrefixValues } from './firehose/prefix';
export { builtinHandler, BUILTIN_DEFAULTS, BUILTIN_DESCRIPTIONS, type BuiltinName, type BuiltinOptions } from './lambda/builtins';
export type { LambdaHandler, CreateFunctionInput } from './lambda/types';

// Traffic: key strategies, hot shards, producer and consumer settings.
export { KEY_STRATEGY_PRESETS, createKeyPopulation, type KeyStrategyName, type KeyStrategyConfig, type KeyStrategyPreset, type KeyPopulation } from './traffic/producers/keyStrategies';
export { HOT_WINDOW_MS, isHot, utilisationOf, type HotShardReport, type ShardLoad, type HeatWindow, type StreamLoad } from './traffic/hotShards';
export type { ProducerInput, ProducerInfo, ProducerConfig } from './traffic/producers/producerConfig';
export type { ConsumerSpec } from './traffic/consumers/consumerApi';
export { BUFFER_FILL } from './metrics/metricsService';

// The wire: AWS JSON 1.1 and REST-JSON over HTTP.
export { emptyBodyResponse, type WireResponse, type WireEventStream, type WireEventMessage } from './wire/awsJson';
export type { HttpRequest, HttpResponse, RestRoute } from './wire/http';
export { apiModels, type ApiModel } from './apiModels';
export type { Shape, StructureShape, OperationShape } from './core/shape';

// Analytics.
export type { AnalyticsApi, AnalyticsRunView } from './analytics/analyticsService';
export type { RecordMark, WindowMark } from './analytics/runtime/runState';
export { checkAnalyticsSql } from './analytics/sqlCheck';
export { RUNTIMES as ANALYTICS_RUNTIMES } from './analytics/constants';
export * as analyticsLimits from './analytics/constants';

// Video Streams and Rekognition.
export { videoGraph, type VideoGraph, type VideoStreamNode, type CameraNode, type VideoConsumerNode } from './video/graphQuery';
export * as videoLimits from './video/constants';
export type { Ack } from './video/acks';
export { decodeChunks, type ChunkTags } from './video/payload';
export type { SceneObject, SceneBox, SceneLabel } from './video/scene';
export type { VideoStreamStats } from './video/videoService';
export { STREAMING_VIDEO_CLOSED_TO_NEW_CUSTOMERS } from './rekognition/rekognitionService';
export { MAX_SESSION_SECONDS } from './rekognition/operations/startStreamProcessor';

// sim.inspect: read-only queries for views.
export type { InspectApi } from './inspect/inspectApi';
export type {
  RecordSummary,
  ReaderProgress,
  FirehoseProgress,
  RecordTrace,
  PrefixNode,
  FirehoseDetail,
  ConsumerDetail,
  CostSnap,
  FirehoseSnap,
  BucketSnap,
  AnalyticsSnap,
  AnalyticsConfigSnap,
  TimelineBlock,
  VideoView,
} from './inspect/types';
