/**
 * UI commands as scenario commands. Every change a person makes goes through
 * the session's apply({ op, args }), so it is recorded at the current
 * simulated time and the run stays a scenario (share links, time travel and
 * forks replay it). A refused command is not recorded and changes nothing;
 * its result carries the engine's own error text.
 */
import { isAwsError } from '../engine';
import type { ScenarioSession } from '../scenarios/scenarioSession';
import type { Json } from '../scenarios/types';
import { bucketArn, FIREHOSE_ROLE, streamArn } from '../scenarios/presets/preset';
import type { Command, CommandResult, ProducerSpec } from './protocol';
import { producerConfigOf, producerPatchOf } from './trafficAdapter';

const KEY_STRATEGIES = ['device_id', 'customer_id', 'transaction_id', 'log_level', 'server_id', 'constant', 'random'];

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

/** Data only: drops undefined fields so the args are JSON. */
function json(v: unknown): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

/** The scenario commands a UI command stands for (an error when it is refused before reaching the engine). */
export function scenarioCommandsOf(session: ScenarioSession, cmd: Command): Array<{ op: string; args: Json }> | CommandResult<never> {
  switch (cmd.type) {
    case 'op':
      // Already a scenario command (the inspector's edits of any engine parameter); the session checks it against the allow-list.
      return [{ op: cmd.op, args: json(cmd.args) }];
    case 'createStream':
      return [{ op: 'kinesis.createStream', args: { StreamName: cmd.name, ShardCount: cmd.shardCount } }];
    case 'splitShard':
      return [{ op: 'kinesis.splitShard', args: { StreamName: cmd.stream, ShardToSplit: cmd.shardId, NewStartingHashKey: cmd.newStartingHashKey } }];
    case 'mergeShards':
      return [{ op: 'kinesis.mergeShards', args: { StreamName: cmd.stream, ShardToMerge: cmd.shardId, AdjacentShardToMerge: cmd.adjacentShardId } }];
    case 'updateShardCount':
      return [{ op: 'kinesis.updateShardCount', args: { StreamName: cmd.stream, TargetShardCount: cmd.targetShardCount, ScalingType: 'UNIFORM_SCALING' } }];
    case 'addProducer': {
      const problem = validateProducer(cmd.spec);
      if (problem !== null) return fail('ValidationException', problem);
      return [{ op: 'traffic.addProducer', args: json(producerConfigOf(cmd.spec)) }];
    }
    case 'updateProducer': {
      const problem = validateProducer(cmd.patch);
      if (problem !== null) return fail('ValidationException', problem);
      const p = session.sim.traffic.listProducers().find((x) => x.id === cmd.id);
      if (p === undefined) return fail('ResourceNotFoundException', `Producer ${cmd.id} not found.`);
      return [{ op: 'traffic.updateProducer', args: json({ id: cmd.id, ...producerPatchOf(p.config, cmd.patch) }) }];
    }
    case 'removeProducer':
      if (!session.sim.traffic.listProducers().some((x) => x.id === cmd.id)) return fail('ResourceNotFoundException', `Producer ${cmd.id} not found.`);
      return [{ op: 'traffic.removeProducer', args: { id: cmd.id } }];
    case 'addConsumer': {
      const type = cmd.kind === 'efo' || cmd.kind === 'kcl' ? cmd.kind : 'polling';
      return [{ op: 'traffic.addConsumer', args: { type, name: cmd.name, streamName: cmd.stream } }];
    }
    case 'removeConsumer':
      if (session.sim.traffic.getConsumer(cmd.id) === undefined) return fail('ResourceNotFoundException', `Consumer ${cmd.id} not found.`);
      return [{ op: 'traffic.removeConsumer', args: { id: cmd.id } }];
    case 'addFirehose': {
      const out: Array<{ op: string; args: Json }> = [];
      if (!session.sim.firehoseContext.s3.buckets.has(cmd.bucket)) out.push({ op: 's3.createBucket', args: { Bucket: cmd.bucket } });
      out.push({
        op: 'firehose.createDeliveryStream',
        args: {
          DeliveryStreamName: cmd.name,
          DeliveryStreamType: 'KinesisStreamAsSource',
          KinesisStreamSourceConfiguration: { KinesisStreamARN: streamArn(cmd.stream), RoleARN: FIREHOSE_ROLE },
          ExtendedS3DestinationConfiguration: {
            BucketARN: bucketArn(cmd.bucket),
            RoleARN: FIREHOSE_ROLE,
            BufferingHints: { SizeInMBs: cmd.bufferSizeMiB, IntervalInSeconds: cmd.bufferIntervalSec },
            CompressionFormat: 'GZIP',
          },
        },
      });
      return out;
    }
  }
}

/** Runs a UI command through the session (recorded when accepted); the last engine output is the value. */
export function runCommand(session: ScenarioSession, cmd: Command): CommandResult {
  const cmds = scenarioCommandsOf(session, cmd);
  if (!Array.isArray(cmds)) return cmds;
  let value: unknown = {};
  for (const c of cmds) {
    const r = session.apply(c);
    if (!r.ok) return { ok: false, error: r.error };
    value = r.output ?? {};
  }
  // Producer and consumer commands answer with the participant's id (addProducer returns its ProducerInfo).
  if ('id' in cmd) return { ok: true, value: cmd.id };
  if (value !== null && typeof value === 'object' && 'id' in value && 'config' in value) return { ok: true, value: (value as { id: string }).id };
  return { ok: true, value };
}
