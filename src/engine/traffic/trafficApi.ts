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

export interface TrafficApi extends ProducerApi, ConsumerApi {
  /** Every producer and consumer, as plain snapshot entries. */
  snapshot(): TrafficSnapshotEntry[];
}

export function createTrafficApi(service: TrafficService, lambda: LambdaApi): TrafficApi {
  return {
    ...createProducerApi(service),
    ...createConsumerApi(service, lambda),
    snapshot: () => service.list().map((p) => p.snapshot()),
  };
}
