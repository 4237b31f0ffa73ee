/** The engine's public surface. */
export { createSimulation, type Simulation, type SimulationOptions } from './simulation';
export { AwsError, isAwsError } from './core/errors';
export { PendingAsyncWorkError } from './core/simCore';
export { takeCheckpoint, restoreCheckpoint, checkpointBlockers, NotCheckpointableError, type Checkpoint } from './checkpoint/checkpoint';
export { createRandom, type Random } from './core/random';
export type { SimEvent } from './events';
export * from './kinesis/types';
export type { EngineEventStream, EventStreamEnd } from './core/eventStream';
export type { ShardSubscription, SubscriptionEndReason } from './kinesis/efoSubscription';
export type { WireResponse, WireEventStream, WireEventMessage } from './wire/awsJson';
export { partitionKeyToHashKey, md5Hex, evenHashRanges } from './kinesis/hashKey';
export * as kinesisLimits from './kinesis/constants';
export type { HttpRequest, HttpResponse, RestRoute } from './wire/http';
export { apiModels, type ApiModel } from './apiModels';
export type { Shape, StructureShape, OperationShape } from './core/shape';
export { videoGraph, type VideoGraph, type VideoStreamNode, type CameraNode, type VideoConsumerNode } from './video/graphQuery';
