/**
 * The topology as the commands that build it at the start of a run, in an
 * order where everything exists before something refers to it: buckets, Glue tables,
 * Lambda functions, streams, delivery streams, enhanced monitoring, consumers,
 * then producers. Monitoring, consumers and producers need ACTIVE streams, so
 * the session runs them once the topology is ready (topologyReady).
 */
import type { Json, ScenarioCommand, Topology } from './types';
import { glueTableCommands } from './glueShapes';

/** The commands that create `topology`, all at time 0. */
export function topologyCommands(topology: Topology): ScenarioCommand[] {
  const at = 0;
  const out: ScenarioCommand[] = [];
  const add = (op: string, items: readonly object[] | undefined) => {
    for (const args of items ?? []) out.push({ at, op, args: args as unknown as Json });
  };
  add('s3.createBucket', topology.buckets);
  // Glue tables before delivery streams: format conversion resolves its schema at CreateDeliveryStream.
  out.push(...glueTableCommands(topology.glueTables, at));
  add('lambda.createFunction', topology.lambdas);
  add('kinesis.createStream', topology.streams);
  add('firehose.createDeliveryStream', topology.deliveryStreams);
  add('kinesis.enableEnhancedMonitoring', topology.enhancedMonitoring);
  add('traffic.addConsumer', topology.consumers);
  add('traffic.addProducer', topology.producers);
  return out;
}

/** True for the topology commands that wait for ACTIVE streams: EnableEnhancedMonitoring is refused while a stream is CREATING. */
export function runsWhenReady(c: ScenarioCommand): boolean {
  return c.op.startsWith('traffic.') || c.op === 'kinesis.enableEnhancedMonitoring';
}
