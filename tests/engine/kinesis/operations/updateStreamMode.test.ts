import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { T0, expectAwsError, withStream } from './streamFixtures';

const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const HOUR = 3600 * 1000;
const mode = (sim: ReturnType<typeof withStream>) => sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;

describe('updateStreamMode', () => {
  it('goes UPDATING, then ACTIVE in the new mode after the delay, keeping the shard count', () => {
    const sim = withStream(3);
    sim.core.events.drain();
    expect(sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } })).toEqual({});
    expect([mode(sim).StreamStatus, mode(sim).StreamModeDetails.StreamMode]).toEqual(['UPDATING', 'PROVISIONED']);
    sim.advanceSync(10000);
    const sum = mode(sim);
    expect([sum.StreamStatus, sum.StreamModeDetails.StreamMode, sum.OpenShardCount]).toEqual(['ACTIVE', 'ON_DEMAND', 3]);
    expect(sim.core.events.drain()).toEqual([
      { type: 'streamStatus', time: T0 + 10000, stream: 's', status: 'UPDATING' },
      { type: 'streamModeChanged', time: T0 + 20000, stream: 's', mode: 'ON_DEMAND' },
      { type: 'streamStatus', time: T0 + 20000, stream: 's', status: 'ACTIVE' },
    ]);
    // On-demand streams scale themselves: the provisioned-only operations refuse them.
    expectAwsError(
      () => sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }),
      'ValidationException',
      'SplitShard is not supported for stream s under account 123456789012 because it is in ON_DEMAND capacity mode.',
    );
  });

  it('allows two switches per rolling 24 hours', () => {
    const sim = withStream(1);
    const first = sim.now();
    sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    sim.advanceSync(10000);
    sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'PROVISIONED' } });
    sim.advanceSync(10000);
    const msg =
      'Stream s under account 123456789012 has already switched capacity mode 2 times in the last 24 hours. The capacity mode can be switched at most 2 times per rolling 24-hour period.';
    expectAwsError(() => sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }), 'LimitExceededException', msg);
    sim.advanceSync(first + 24 * HOUR - sim.now());
    sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    sim.advanceSync(10000);
    expect(mode(sim).StreamModeDetails.StreamMode).toBe('ON_DEMAND');
  });

  it('refuses a switch to the mode the stream is already in', () => {
    const sim = withStream(1);
    expectAwsError(
      () => sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'PROVISIONED' } }),
      'InvalidArgumentException',
      'Stream s under account 123456789012 is already in PROVISIONED capacity mode.',
    );
  });

  it('needs an ACTIVE stream, a StreamARN and a valid mode', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    expectAwsError(
      () => sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }),
      'ResourceInUseException',
      'Stream s under account 123456789012 not ACTIVE, instead in state CREATING',
    );
    expectAwsError(
      () => sim.kinesis.updateStreamMode({ StreamModeDetails: { StreamMode: 'ON_DEMAND' } } as never),
      'ValidationException',
      "1 validation error detected: Value null at 'streamARN' failed to satisfy constraint: Member must not be null",
    );
    expectAwsError(
      () => sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'FAST' as never } }),
      'ValidationException',
      "1 validation error detected: Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]",
    );
    expectAwsError(
      () => sim.kinesis.updateStreamMode({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/zz', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }),
      'ResourceNotFoundException',
      'Stream zz under account 123456789012 not found.',
    );
  });

  it('holds the account to 50 on-demand streams', () => {
    const sim = createSimulation({ seed: 1 });
    for (let i = 0; i < 50; i++) {
      sim.kinesis.createStream({ StreamName: `od${i}`, StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
      if (i % 5 === 4) sim.advanceSync(10000);
    }
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    sim.advanceSync(10000);
    const msg = 'Account 123456789012 already has 50 streams in ON_DEMAND capacity mode, the most allowed (50).';
    expectAwsError(() => sim.kinesis.updateStreamMode({ StreamARN: ARN, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }), 'LimitExceededException', msg);
    expectAwsError(() => sim.kinesis.createStream({ StreamName: 'od50', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }), 'LimitExceededException', msg);
  });
});
