/**
 * The topology as the commands that build it at the start of a run, in an
 * order where everything exists before something refers to it: buckets,
 * Lambda functions, streams, delivery streams, consumers, then producers.
 */
import type { Json, ScenarioCommand, Topology } from './types';

/** The commands that create `topology`, all at time 0. */
export function topologyCommands(topology: Topology): ScenarioCommand[] {
  const at = 0;
  const out: ScenarioCommand[] = [];
  const add = (op: string, items: readonly object[] | undefined) => {
    for (const args of items ?? []) out.push({ at, op, args: args as unknown as Json });
  };
  add('s3.createBucket', topology.buckets);
  add('lambda.createFunction', topology.lambdas);
  add('kinesis.createStream', topology.streams);
  add('firehose.createDeliveryStream', topology.deliveryStreams);
  add('traffic.addConsumer', topology.consumers);
  add('traffic.addProducer', topology.producers);
  return out;
}
