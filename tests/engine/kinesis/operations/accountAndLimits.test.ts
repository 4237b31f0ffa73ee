import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { T0, addConsumer, expectAwsError, withStream } from './streamFixtures';

const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const DAY = 24 * 3600 * 1000;
const MiB = 1024 * 1024;

describe('describeLimits', () => {
  it('reports the shard quota, open shards and on-demand streams against their quota', () => {
    const sim = createSimulation({ seed: 1, shardQuota: 40 });
    expect(sim.kinesis.describeLimits({})).toEqual({ ShardLimit: 40, OpenShardCount: 0, OnDemandStreamCount: 0, OnDemandStreamCountLimit: 50 });
    sim.kinesis.createStream({ StreamName: 'a', ShardCount: 3 });
    sim.kinesis.createStream({ StreamName: 'b', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    // Shards of streams still CREATING count, as the quota does; on-demand streams start with 4.
    expect(sim.kinesis.describeLimits({})).toEqual({ ShardLimit: 40, OpenShardCount: 7, OnDemandStreamCount: 1, OnDemandStreamCountLimit: 50 });
    expect(createSimulation({ region: 'eu-west-1' }).kinesis.describeLimits({}).ShardLimit).toBe(createSimulation({ region: 'eu-west-1' }).kinesisContext.shardQuota);
  });
});

describe('describeAccountSettings / updateAccountSettings', () => {
  it('starts DISABLED; ENABLED runs at least 24 h; an earlier disable waits for the earliest allowed end, and enabling again cancels it', () => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.kinesis.describeAccountSettings({})).toEqual({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } });
    expect(sim.kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } })).toEqual({
      MinimumThroughputBillingCommitment: { Status: 'ENABLED', StartedAt: T0, EarliestAllowedEndAt: T0 + DAY },
    });
    sim.advanceSync(3600 * 1000);
    expect(sim.kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } }).MinimumThroughputBillingCommitment).toEqual({
      Status: 'ENABLED_UNTIL_EARLIEST_ALLOWED_END', StartedAt: T0, EarliestAllowedEndAt: T0 + DAY,
    });
    expect(sim.kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }).MinimumThroughputBillingCommitment.Status).toBe('ENABLED');
    sim.kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } });
    sim.advanceSync(DAY);
    expect(sim.kinesis.describeAccountSettings({})).toEqual({
      MinimumThroughputBillingCommitment: { Status: 'DISABLED', StartedAt: T0, EndedAt: T0 + DAY, EarliestAllowedEndAt: T0 + DAY },
    });
    expectAwsError(
      () => sim.kinesis.updateAccountSettings({ MinimumThroughputBillingCommitment: { Status: 'PAUSED' as never } }),
      'ValidationException',
      "1 validation error detected: Value 'PAUSED' at 'minimumThroughputBillingCommitment.status' failed to satisfy constraint: Member must satisfy enum value set: [ENABLED, DISABLED]",
    );
  });

  it('sends the commitment times as epoch seconds on the wire', () => {
    const sim = createSimulation({ seed: 1 });
    const res = sim.handleAwsJson('Kinesis_20131202.UpdateAccountSettings', JSON.stringify({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }));
    expect(JSON.parse(res.body)).toEqual({ MinimumThroughputBillingCommitment: { Status: 'ENABLED', StartedAt: T0 / 1000, EarliestAllowedEndAt: (T0 + DAY) / 1000 } });
  });
});

describe('updateMaxRecordSize', () => {
  it('raises the record limit from 1 MiB to up to 10 MiB: PutRecord takes larger records, PutRecords too within its 10 MiB request', () => {
    const sim = withStream(1);
    const big = new Uint8Array(2 * MiB);
    expectAwsError(() => sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: big }), 'InvalidArgumentException', "Record size (data plus partition key) of 2097153 bytes exceeds the stream's maximum record size of 1048576 bytes.");
    expect(sim.kinesis.updateMaxRecordSize({ StreamARN: ARN, MaxRecordSizeInKiB: 10240 })).toEqual({});
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.MaxRecordSizeInKiB).toBe(10240);
    expect(sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: big }).ShardId).toBe('shardId-000000000000');
    // Two 6 MiB records are each allowed, but together over PutRecords' 10 MiB request limit.
    const six = new Uint8Array(6 * MiB);
    expectAwsError(() => sim.kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'a', Data: six }, { PartitionKey: 'b', Data: six }] }), 'InvalidArgumentException', 'Records size exceeds 10 MB limit');
    expectAwsError(
      () => sim.kinesis.updateMaxRecordSize({ StreamARN: ARN, MaxRecordSizeInKiB: 1023 }),
      'ValidationException',
      "1 validation error detected: Value '1023' at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value greater than or equal to 1024",
    );
    expectAwsError(() => sim.kinesis.updateMaxRecordSize({ StreamARN: `${ARN}x`, MaxRecordSizeInKiB: 2048 }), 'ResourceNotFoundException', 'Stream sx under account 123456789012 not found.');
  });
});

describe('putResourcePolicy / getResourcePolicy / deleteResourcePolicy', () => {
  const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kinesis:GetRecords', Resource: ARN }] });

  it('stores the policy of a stream and of a consumer as given, returns it, and deletes it', () => {
    const sim = withStream(1);
    const c = addConsumer(sim, 's', 'app');
    expect(sim.kinesis.getResourcePolicy({ ResourceARN: ARN })).toEqual({ Policy: '{}' });
    expect(sim.kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: POLICY })).toEqual({});
    sim.kinesis.putResourcePolicy({ ResourceARN: c.arn, Policy: '{"Version":"2012-10-17","Statement":[]}' });
    expect(sim.kinesis.getResourcePolicy({ ResourceARN: ARN })).toEqual({ Policy: POLICY });
    expect(sim.kinesis.getResourcePolicy({ ResourceARN: c.arn })).toEqual({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
    expect(sim.kinesis.deleteResourcePolicy({ ResourceARN: ARN })).toEqual({});
    expect(sim.kinesis.getResourcePolicy({ ResourceARN: ARN })).toEqual({ Policy: '{}' });
    expectAwsError(() => sim.kinesis.deleteResourcePolicy({ ResourceARN: ARN }), 'ResourceNotFoundException', `No resource policy found for resource ${ARN}.`);
    expectAwsError(() => sim.kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: 'not json' }), 'InvalidArgumentException', 'The policy is not valid JSON: it must be a JSON object.');
    // Never evaluated: a policy denying everything changes nothing the simulator does.
    sim.kinesis.putResourcePolicy({ ResourceARN: ARN, Policy: '{"Statement":[{"Effect":"Deny","Principal":"*","Action":"kinesis:*"}]}' });
    expect(sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(1) }).ShardId).toBe('shardId-000000000000');
  });
});
