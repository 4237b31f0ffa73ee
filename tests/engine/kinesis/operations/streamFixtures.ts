/**
 * Shared set-up for the Kinesis operation tests: a simulation with one ACTIVE
 * stream, AWS error capture, and the exact hash-key constants the tests quote.
 */
import { expect } from 'vitest';
import { createSimulation, type Simulation, type SimulationOptions } from '../../../../src/engine/simulation';
import { AwsError } from '../../../../src/engine/core/errors';
import type { ConsumerState } from '../../../../src/engine/kinesis/consumerModel';

/** 2026-01-01T00:00:00Z, the default simulated start. */
export const T0 = 1767225600000;
export const MAX = 340282366920938463463374607431768211455n;
export const TWO_127 = 170141183460469231731687303715884105728n;

/** A simulation with stream `name` of `shards` shards, already ACTIVE (10 s after T0). */
export function withStream(shards = 2, name = 's', opts: SimulationOptions = {}): Simulation {
  const sim = createSimulation({ seed: 7, ...opts });
  sim.kinesis.createStream({ StreamName: name, ShardCount: shards });
  sim.advanceSync(10000);
  return sim;
}

/** Runs `fn` and returns the AwsError it throws (fails the test if it does not). */
export function awsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return e;
    throw e;
  }
  expect.fail('expected an AwsError');
}

/** Asserts the exception name and message. */
export function expectAwsError(fn: () => unknown, type: string, message: string): void {
  const e = awsError(fn);
  expect({ type: e.type, message: e.message }).toEqual({ type, message });
}

/** Registers a consumer directly in the model (the consumer operations are tested elsewhere). */
export function addConsumer(sim: Simulation, stream: string, name: string): ConsumerState {
  const s = sim.kinesisContext.streams.get(stream)!;
  const c = { name, arn: `${s.arn}/consumer/${name}:${sim.now() / 1000}`, status: 'ACTIVE', createdAt: sim.now(), streamArn: s.arn, tags: {}, subscriptions: new Map() };
  s.consumers.set(name, c as unknown as ConsumerState);
  return c as unknown as ConsumerState;
}

/** [ShardId, StartingHashKey, EndingHashKey, ParentShardId, AdjacentParentShardId] of listed shards, for compact exact assertions. */
export function lineage(shards: Array<{ ShardId: string; ParentShardId?: string; AdjacentParentShardId?: string; HashKeyRange: { StartingHashKey: string; EndingHashKey: string } }>): string[][] {
  return shards.map((sh) => [sh.ShardId, sh.HashKeyRange.StartingHashKey, sh.HashKeyRange.EndingHashKey, sh.ParentShardId ?? '-', sh.AdjacentParentShardId ?? '-']);
}
