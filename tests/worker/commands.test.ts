import { describe, it, expect } from 'vitest';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { defaultScenario } from '../../src/scenarios/presets';
import { runCommand, scenarioCommandsOf } from '../../src/worker/commands';
import { producerPatchOf } from '../../src/worker/trafficAdapter';

describe('scenarioCommandsOf', () => {
  it('turns addFirehose into CreateBucket (only when the bucket is missing) and CreateDeliveryStream', () => {
    const s = new ScenarioSession(defaultScenario());
    const add = (bucket: string) => scenarioCommandsOf(s, { type: 'addFirehose', name: 'f', stream: 'telemetry-stream', bucket, bufferSizeMiB: 5, bufferIntervalSec: 60 });
    expect((add('telemetry-archive') as Array<{ op: string }>).map((c) => c.op)).toEqual(['firehose.createDeliveryStream']);
    expect((add('new-bucket') as Array<{ op: string }>).map((c) => c.op)).toEqual(['s3.createBucket', 'firehose.createDeliveryStream']);
  });

  it('refuses an unknown producer before reaching the engine, and records nothing', () => {
    const s = new ScenarioSession(defaultScenario());
    expect(runCommand(s, { type: 'updateProducer', id: 'producer-9', patch: { recordsPerSec: 5 } })).toEqual({ ok: false, error: { type: 'ResourceNotFoundException', message: 'Producer producer-9 not found.' } });
    expect(runCommand(s, { type: 'removeConsumer', id: 'consumer-9' })).toEqual({ ok: false, error: { type: 'ResourceNotFoundException', message: 'Consumer consumer-9 not found.' } });
    expect(s.toScenario().commands).toEqual([]);
  });

  it('passes an allow-listed op through, and the session refuses one outside the list', () => {
    const s = new ScenarioSession(defaultScenario());
    expect(runCommand(s, { type: 'op', op: 'kinesis.increaseStreamRetentionPeriod', args: { StreamName: 'telemetry-stream', RetentionPeriodHours: 48 } })).toEqual({ ok: true, value: {} });
    expect(runCommand(s, { type: 'op', op: 'core.advance', args: {} })).toEqual({ ok: false, error: { type: 'ValidationException', message: 'op: unknown command "core.advance"' } });
    expect(s.toScenario().commands.map((c) => c.op)).toEqual(['kinesis.increaseStreamRetentionPeriod']);
  });
});

describe('producerPatchOf', () => {
  const current = { name: 'p', streamName: 's', rate: { kind: 'constant' as const, recordsPerSecond: 10 }, keys: { name: 'device_id' as const, count: 1000 }, record: { sizeBytes: 200 } };
  it('a new key strategy starts from its own defaults; a count alone keeps the strategy', () => {
    expect(producerPatchOf(current, { keyStrategy: 'log_level' })).toEqual({ keys: { name: 'log_level' } });
    expect(producerPatchOf(current, { keyCount: 50 })).toEqual({ keys: { name: 'device_id', count: 50 } });
    expect(producerPatchOf(current, { recordsPerSec: 5, recordBytes: 300 })).toEqual({ rate: { kind: 'constant', recordsPerSecond: 5 }, record: { sizeBytes: 300 } });
  });
});
