import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/scenarios/validateScenario';
import { scenarioJsonSchema } from '../../src/scenarios/toJsonSchema';
import type { Scenario } from '../../src/scenarios/types';

function base(): Scenario {
  return {
    version: 1,
    name: 'Two shards',
    seed: 7,
    startTime: 1767225600000,
    topology: { streams: [{ StreamName: 'orders', ShardCount: 2 }], producers: [{ streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'device_id', count: 100 } }] },
    commands: [{ at: 60000, op: 'kinesis.splitShard', args: { StreamName: 'orders', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1' } }],
  };
}

function messageOf(mutate: (s: Record<string, any>) => void): string {
  const s = base() as unknown as Record<string, any>;
  mutate(s);
  const r = validateScenario(s);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors[0];
}

describe('validateScenario', () => {
  it('accepts a valid scenario as it is', () => {
    const r = validateScenario(base());
    expect(r).toEqual({ ok: true, scenario: base() });
  });

  it('locates range errors in nested arrays', () => {
    expect(
      messageOf((s) => {
        const p = s.topology.producers[0];
        s.topology.producers = [p, p, { ...p, rate: { kind: 'constant', recordsPerSecond: 2000000 } }];
      }),
    ).toBe('topology.producers[2].rate.recordsPerSecond: must be at most 1000000');
    expect(messageOf((s) => (s.topology.producers[0].rate = { kind: 'sawtooth' }))).toBe('topology.producers[0].rate.kind: must be one of: constant, periodic, bursts, ramp');
    expect(messageOf((s) => (s.topology.consumers = [{ type: 'polling', streamName: 'orders' }]))).toBe('topology.consumers[0].name: is required');
    expect(messageOf((s) => (s.topology.streams[0].ShardCount = 0))).toBe('topology.streams[0].ShardCount: must be at least 1');
    expect(messageOf((s) => (s.topology.streams[0].ShardCount = 1.5))).toBe('topology.streams[0].ShardCount: must be an integer');
  });

  it('names missing, unknown and mistyped fields', () => {
    expect(messageOf((s) => delete s.seed)).toBe('seed: is required');
    expect(messageOf((s) => (s.topology.streams[0].Shards = 2))).toBe('topology.streams[0].Shards: unknown field');
    expect(messageOf((s) => (s.name = 42))).toBe('name: must be a string');
    expect(messageOf((s) => (s.seed = true))).toBe('seed: must be an integer or a string');
    expect(messageOf((s) => (s.topology.streams[0].StreamModeDetails = { StreamMode: 'FAST' }))).toBe(
      'topology.streams[0].StreamModeDetails.StreamMode: must be one of: PROVISIONED, ON_DEMAND',
    );
    expect(messageOf((s) => (s.topology.streams[0].StreamName = 'bad name'))).toBe('topology.streams[0].StreamName: must match letters, digits, "_", "." and "-"');
  });

  it('checks each command against its op in the allow-list', () => {
    expect(messageOf((s) => (s.commands[0].op = 'eval'))).toMatch(/^commands\[0\]\.op: must be one of: analytics\.addApplicationInput, analytics\.addApplicationOutput, .*firehose\.createDeliveryStream, /);
    expect(messageOf((s) => (s.commands[0].args.NewStartingHashKey = '-1'))).toBe('commands[0].args.NewStartingHashKey: must match a decimal hash key');
    expect(messageOf((s) => delete s.commands[0].args.ShardToSplit)).toBe('commands[0].args.ShardToSplit: is required');
  });

  it('requires commands in time order and unique names', () => {
    expect(messageOf((s) => s.commands.push({ at: 1000, op: 'kinesis.deleteStream', args: { StreamName: 'orders' } }))).toBe(
      "commands[1].at: must be at least the previous command's time (60000)",
    );
    expect(messageOf((s) => s.topology.streams.push({ StreamName: 'orders', ShardCount: 1 }))).toBe(
      'topology.streams[1].StreamName: duplicates topology.streams[0].StreamName ("orders")',
    );
  });

  it('refuses newer versions, hostile keys, deep nesting and huge strings with a message', () => {
    expect(messageOf((s) => (s.version = 2))).toBe('version: this scenario was made by a newer version of the simulator (format 2); this one reads format 1');
    expect(messageOf((s) => (s.topology = JSON.parse('{"__proto__": {"polluted": true}}')))).toBe('topology.__proto__: forbidden field name');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(messageOf((s) => (s.topology.producers[0].record = deep))).toBe('topology.producers[0].record[0][0][0][0][0][0][0][0]: is nested too deeply (more than 12 levels)');
    expect(messageOf((s) => (s.name = 'x'.repeat(5000)))).toBe('name: must be at most 4096 characters long');
    expect(messageOf((s) => (s.name = 'x'.repeat(101)))).toBe('name: must be at most 100 characters long');
    expect(messageOf((s) => (s.name = 'tab\u0007'))).toBe('name: must not contain control characters');
    expect(messageOf((s) => (s.startTime = 1e300))).toBe('startTime: must be at most 253402300799999');
  });

  it('keeps names with markup as plain text', () => {
    const s = base();
    s.name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = validateScenario(s);
    expect(r.ok && r.scenario.name).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
  });

  it('summarises several problems in one message', () => {
    const r = validateScenario({ version: 1 });
    expect(r).toEqual({
      ok: false,
      message: 'Invalid scenario: name: is required (and 4 more)',
      errors: ['name: is required', 'seed: is required', 'startTime: is required', 'topology: is required', 'commands: is required'],
    });
  });
});

describe('public/scenario.schema.json', () => {
  it('is generated from the same description as the validator (run scripts/write-scenario-schema.ts)', () => {
    const file = JSON.parse(readFileSync(new URL('../../public/scenario.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(scenarioJsonSchema());
    expect(file.properties.topology.properties.producers.items.properties.rate.oneOf[0].properties.recordsPerSecond).toEqual({
      type: 'number',
      minimum: 0,
      maximum: 1000000,
      description: 'Records per second.',
    });
  });
});
