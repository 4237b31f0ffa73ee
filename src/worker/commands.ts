/**
 * UI commands as calls into the engine. Each returns the engine's result or
 * its AWS error as data ({ ok: false, error: { type, message } }); a refused
 * command changes nothing, so the running simulation keeps its state.
 */
import { isAwsError } from '../engine';
import type { Simulation } from '../engine';
import type { Command, CommandResult, KeyStrategy, ProducerSpec } from './protocol';
import type { TrafficDriver } from './trafficAdapter';
import { addFirehoseToS3 } from './defaultScenario';

export interface CommandTarget {
  sim: Simulation;
  traffic: TrafficDriver;
}

const KEY_STRATEGIES: KeyStrategy[] = ['device_id', 'customer_id', 'transaction_id', 'log_level', 'server_id', 'constant', 'random'];

/** Runs `fn`, turning an AwsError (or any error) into data. */
export function attempt<T>(fn: () => T): CommandResult<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (isAwsError(e)) return { ok: false, error: { type: e.type, message: e.message } };
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { type: err.name || 'Error', message: err.message } };
  }
}

function fail(type: string, message: string): CommandResult<never> {
  return { ok: false, error: { type, message } };
}

/** Checks a producer spec the way an AWS-style API would, with a message naming the field. */
export function validateProducer(spec: Partial<ProducerSpec>): string | null {
  if (spec.name !== undefined && (spec.name.length < 1 || spec.name.length > 64)) return `name: must be 1 to 64 characters`;
  if (spec.recordsPerSec !== undefined && (!Number.isFinite(spec.recordsPerSec) || spec.recordsPerSec < 0 || spec.recordsPerSec > 100000))
    return `recordsPerSec: must be between 0 and 100000, got ${spec.recordsPerSec}`;
  if (spec.recordBytes !== undefined && (!Number.isInteger(spec.recordBytes) || spec.recordBytes < 1 || spec.recordBytes > 1048576))
    return `recordBytes: must be an integer between 1 and 1048576, got ${spec.recordBytes}`;
  if (spec.keyCount !== undefined && (!Number.isInteger(spec.keyCount) || spec.keyCount < 1 || spec.keyCount > 1000000))
    return `keyCount: must be an integer between 1 and 1000000, got ${spec.keyCount}`;
  if (spec.keyStrategy !== undefined && !KEY_STRATEGIES.includes(spec.keyStrategy)) return `keyStrategy: must be one of ${KEY_STRATEGIES.join(', ')}`;
  return null;
}

/** Executes one command against the world. */
export function runCommand(t: CommandTarget, cmd: Command): CommandResult {
  switch (cmd.type) {
    case 'createStream':
      return attempt(() => t.sim.kinesis.createStream({ StreamName: cmd.name, ShardCount: cmd.shardCount }));
    case 'splitShard':
      return attempt(() => t.sim.kinesis.splitShard({ StreamName: cmd.stream, ShardToSplit: cmd.shardId, NewStartingHashKey: cmd.newStartingHashKey }));
    case 'mergeShards':
      return attempt(() => t.sim.kinesis.mergeShards({ StreamName: cmd.stream, ShardToMerge: cmd.shardId, AdjacentShardToMerge: cmd.adjacentShardId }));
    case 'updateShardCount': {
      const api = t.sim.kinesis as unknown as Record<string, ((i: unknown) => unknown) | undefined>;
      const op = api.updateShardCount;
      if (op === undefined) return fail('UnsupportedOperation', 'UpdateShardCount is not available in this build of the engine yet.');
      return attempt(() => op({ StreamName: cmd.stream, TargetShardCount: cmd.targetShardCount, ScalingType: 'UNIFORM_SCALING' }));
    }
    case 'addProducer': {
      const problem = validateProducer(cmd.spec);
      if (problem !== null) return fail('ValidationException', problem);
      return attempt(() => t.traffic.addProducer(cmd.spec));
    }
    case 'updateProducer': {
      const problem = validateProducer(cmd.patch);
      if (problem !== null) return fail('ValidationException', problem);
      return t.traffic.updateProducer(cmd.id, cmd.patch) ? { ok: true, value: cmd.id } : fail('ResourceNotFoundException', `Producer ${cmd.id} not found.`);
    }
    case 'removeProducer':
      return t.traffic.removeProducer(cmd.id) ? { ok: true, value: cmd.id } : fail('ResourceNotFoundException', `Producer ${cmd.id} not found.`);
    case 'addConsumer':
      return attempt(() => t.traffic.addConsumer(cmd.stream, cmd.name, cmd.kind));
    case 'removeConsumer':
      return t.traffic.removeConsumer(cmd.id) ? { ok: true, value: cmd.id } : fail('ResourceNotFoundException', `Consumer ${cmd.id} not found.`);
    case 'addFirehose':
      return attempt(() => addFirehoseToS3(t.sim, cmd));
  }
}
