/** Test fixtures: a simulation with an ACTIVE stream, payloads of a given size. */
import { createSimulation, isAwsError, type Simulation, type SimulationOptions } from '../../../src/engine';

/** A simulation whose stream `name` of `shards` shards is already ACTIVE. */
export function activeStream(shards = 1, name = 'orders', opts: SimulationOptions = {}): { sim: Simulation; arn: string } {
  const sim = createSimulation({ seed: 7, ...opts });
  sim.kinesis.createStream({ StreamName: name, ShardCount: shards });
  sim.advanceSync(sim.kinesisContext.delays.createStreamMs);
  return { sim, arn: sim.kinesis.describeStream({ StreamName: name }).StreamDescription.StreamARN };
}

/** A payload of `n` bytes, each byte `fill`. */
export function bytes(n: number, fill = 1): Uint8Array {
  return new Uint8Array(n).fill(fill);
}

/** An ACTIVE consumer on the stream (registered, then the register delay passed). */
export function activeConsumer(sim: Simulation, streamArn: string, name = 'app'): string {
  const arn = sim.kinesis.registerStreamConsumer({ StreamARN: streamArn, ConsumerName: name }).Consumer.ConsumerARN;
  sim.advanceSync(sim.kinesisContext.delays.registerConsumerMs);
  return arn;
}

/** The AWS exception name and message `fn` throws (fails the test if it throws nothing). */
export function awsErrorOf(fn: () => unknown): { type: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isAwsError(e)) return { type: e.type, message: e.message };
    throw e;
  }
  throw new Error('expected an AwsError, got none');
}
