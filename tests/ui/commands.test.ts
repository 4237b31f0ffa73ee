/**
 * The UI's one command vocabulary: scenario commands built by src/ui/commands.ts,
 * run through the worker's World (the session checks them against the scenario
 * schema, the engine runs them). Adding a producer with each of the nine key
 * strategies works from the stream inspector's builder, and changing a
 * producer to each of them works from the producer inspector's.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../../src/worker/world';
import { KEY_STRATEGY_PRESETS, type KeyStrategyName } from '../../src/engine/traffic/producers/keyStrategies';
import { addFirehose, addProducer, keysOf, mergeShards, splitShard, updateProducer, updateShardCount } from '../../src/ui/commands';

const STRATEGIES = KEY_STRATEGY_PRESETS.map((p) => p.name);

describe('UI commands', () => {
  it('offers exactly the nine key strategies the engine has', () => {
    expect(STRATEGIES).toEqual(['device_id', 'customer_id', 'transaction_id', 'log_level', 'server_id', 'hostname_timestamp', 'constant', 'random', 'explicit_hash_key']);
  });

  it.each(STRATEGIES)('adds a producer with the %s strategy from the stream inspector, and it writes', async (strategy) => {
    const w = new World('1');
    const r = w.command(addProducer({ name: `p-${strategy}`, stream: 'telemetry-stream', recordsPerSecond: 50, recordBytes: 200, strategy }));
    expect(r).toEqual({ ok: true, value: 'producer-3' });
    const p = w.sim.traffic.listProducers().find((x) => x.id === 'producer-3')!;
    expect(p.config.keys).toEqual(keysOf(strategy));
    expect(p.config.streamName).toBe('telemetry-stream');
    await w.advance(3000);
    expect(w.sim.traffic.listProducers().find((x) => x.id === 'producer-3')!.counts.sent).toBeGreaterThan(0);
    // Recorded as the scenario command it is.
    expect(w.toScenario().commands.map((c) => c.op)).toEqual(['traffic.addProducer']);
  });

  it.each(STRATEGIES)('changes a producer to the %s strategy from the producer inspector', (strategy: KeyStrategyName) => {
    const w = new World('1');
    expect(w.command(updateProducer('producer-1', { keys: keysOf(strategy) }))).toEqual({ ok: true, value: 'producer-1' });
    expect(w.snapshot().producers[0].keyStrategy).toBe(strategy);
  });

  it('refuses what the scenario schema refuses, with its message, and records nothing', () => {
    const w = new World('1');
    const r = w.command(addProducer({ name: 'p', stream: 'telemetry-stream', recordsPerSecond: -1, recordBytes: 200, strategy: 'random' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.type).toBe('ValidationException');
    expect(w.command({ op: 'core.advance', args: {} })).toEqual({ ok: false, error: { type: 'ValidationException', message: 'op: unknown command "core.advance"' } });
    expect(w.toScenario().commands).toEqual([]);
  });

  it('answers an unknown producer with the engine\'s own error', () => {
    const w = new World('1');
    const r = w.command(updateProducer('producer-9', { keys: keysOf('random') }));
    expect(r.ok).toBe(false);
    expect(w.toScenario().commands).toEqual([]);
  });

  it('adds a Firehose with CreateBucket only when the bucket is missing', () => {
    const f = (bucket: string, bucketExists: boolean) => addFirehose({ name: 'f', stream: 'telemetry-stream', bucket, bucketExists, bufferSizeMiB: 5, bufferIntervalSec: 60 }).map((c) => c.op);
    expect(f('telemetry-archive', true)).toEqual(['firehose.createDeliveryStream']);
    expect(f('new-bucket', false)).toEqual(['s3.createBucket', 'firehose.createDeliveryStream']);
    const w = new World('1');
    for (const c of addFirehose({ name: 'to-new', stream: 'telemetry-stream', bucket: 'new-bucket', bucketExists: false, bufferSizeMiB: 1, bufferIntervalSec: 60 })) expect(w.command(c).ok).toBe(true);
    expect(w.sim.firehoseContext.streams.has('to-new')).toBe(true);
  });

  it('spells SplitShard, MergeShards and UpdateShardCount as the Kinesis requests', () => {
    expect(splitShard('s', 'shardId-000000000000', '5')).toEqual({ op: 'kinesis.splitShard', args: { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '5' } });
    expect(mergeShards('s', 'a', 'b')).toEqual({ op: 'kinesis.mergeShards', args: { StreamName: 's', ShardToMerge: 'a', AdjacentShardToMerge: 'b' } });
    expect(updateShardCount('s', 4)).toEqual({ op: 'kinesis.updateShardCount', args: { StreamName: 's', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' } });
  });
});
