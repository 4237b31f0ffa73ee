/** fast-check generators of valid scenarios (shared by the property and fuzz tests). */
import fc from 'fast-check';
import type { Scenario, ScenarioCommand } from '../../src/scenarios/types';

const nameChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABC0123456789_.-'.split(''));
const awsName = fc.string({ unit: nameChars, minLength: 1, maxLength: 20 });
// Any text without control characters, including markup and astral characters.
const humanText = (max: number) =>
  fc.string({ unit: fc.oneof(fc.constantFrom('<', '>', '"', "'", '&', 'é', '😀', '\u202e', ' '), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: max }).map((s) =>
    s.replace(/[\u0000-\u001f\u007f]/g, ''),
  ).filter((s) => s.length > 0);

const command: fc.Arbitrary<Omit<ScenarioCommand, 'at'>> = fc.oneof(
  fc.record({ op: fc.constant('kinesis.splitShard'), args: fc.record({ StreamName: awsName, ShardToSplit: awsName, NewStartingHashKey: fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map(String) }) }),
  fc.record({ op: fc.constant('kinesis.updateShardCount'), args: fc.record({ StreamName: awsName, TargetShardCount: fc.integer({ min: 1, max: 1000 }), ScalingType: fc.constant('UNIFORM_SCALING') }) }),
  fc.record({ op: fc.constant('traffic.updateProducer'), args: fc.record({ id: fc.nat(99).map((n) => `producer-${n}`), rate: fc.record({ kind: fc.constant('constant'), recordsPerSecond: fc.integer({ min: 0, max: 1000000 }) }) }) }),
  fc.record({ op: fc.constant('traffic.removeConsumer'), args: fc.record({ id: fc.nat(99).map((n) => `kcl-${n}`) }) }),
);

/** Valid scenarios (as validateScenario accepts them). */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    name: humanText(100),
    description: fc.option(humanText(300), { nil: undefined }),
    seed: fc.oneof(fc.integer({ min: 0, max: 4294967295 }), fc.string({ minLength: 1, maxLength: 64 })),
    startTime: fc.integer({ min: 0, max: 253402300799999 }),
    streams: fc.uniqueArray(
      fc.record({ StreamName: awsName, ShardCount: fc.integer({ min: 1, max: 1000 }) }),
      { selector: (s) => s.StreamName, maxLength: 4 },
    ),
    producers: fc.array(
      fc.record({
        streamName: awsName,
        rate: fc.oneof(
          fc.record({ kind: fc.constant('constant' as const), recordsPerSecond: fc.double({ min: 0, max: 1000000, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x)) }),
          fc.record({ kind: fc.constant('ramp' as const), from: fc.integer({ min: 0, max: 1000 }), to: fc.integer({ min: 0, max: 100000 }), durationMs: fc.integer({ min: 1, max: 86400000 }) }),
        ),
        keys: fc.record({ name: fc.constantFrom('device_id' as const, 'log_level' as const, 'constant' as const), count: fc.integer({ min: 1, max: 100000 }) }),
      }),
      { maxLength: 4 },
    ),
    commands: fc.array(fc.tuple(fc.integer({ min: 0, max: 86400000 }), command), { maxLength: 12 }),
  })
  .map((r) => {
    const s: Scenario = {
      version: 1,
      name: r.name,
      seed: r.seed,
      startTime: r.startTime,
      topology: { streams: r.streams, producers: r.producers },
      commands: r.commands.sort((a, b) => a[0] - b[0]).map(([at, c]) => ({ at, ...c })),
    };
    if (r.description !== undefined) s.description = r.description;
    return s;
  });
