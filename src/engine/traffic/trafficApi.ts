/**
 * sim.traffic: the producers and consumers of a simulation. Producers come
 * from producers/producerApi.ts; the consumer half (addConsumer and friends)
 * plugs in here beside it: spread its API object into createTrafficApi and
 * add its type to TrafficApi.
 */
import type { TrafficService, TrafficSnapshotEntry } from './trafficService';
import { createProducerApi, type ProducerApi } from './producers/producerApi';
import { createConsumerApi, type ConsumerApi } from './consumers/consumerApi';
import type { LambdaApi } from '../lambda/lambdaService';
import { hotShardReport, streamLoad, type HotShardReport, type StreamLoad } from './hotShards';
import type { KinesisMetrics } from '../metrics/kinesisMetrics';
import { findStream } from '../kinesis/context';

export interface TrafficApi extends ProducerApi, ConsumerApi {
  /** Every producer and consumer, as plain snapshot entries. */
  snapshot(): TrafficSnapshotEntry[];
  /** Hot shards of a stream over the last `windowMs` (default 60 s): their top keys and advice. */
  hotShardReport(streamName: string, windowMs?: number): HotShardReport;
  /** Each open shard's write load and hot flag over the last `windowMs` (default HOT_WINDOW_MS), plus the closed shards given by id. */
  streamLoad(streamName: string, windowMs?: number, closedShardIds?: readonly string[]): StreamLoad;
}

/** Builds sim.traffic from its producer and consumer halves. */
export function createTrafficApi(service: TrafficService, lambda: LambdaApi, metrics: KinesisMetrics): TrafficApi {
  return {
    ...createProducerApi(service),
    ...createConsumerApi(service, lambda),
    snapshot: () => service.list().map((p) => p.snapshot()),
    hotShardReport: (streamName, windowMs) => hotShardReport(service, metrics, findStream(service.kinesis, { StreamName: streamName }), windowMs),
    streamLoad: (streamName, windowMs, closedShardIds = []) => {
      const s = findStream(service.kinesis, { StreamName: streamName });
      return streamLoad(metrics, s, windowMs, closedShardIds.map((id) => s.byId.get(id)).filter((sh) => sh !== undefined));
    },
  };
}
