import { describe, it, expect } from 'vitest';
import { T0, expectAwsError, withStream } from './streamFixtures';
import type { Simulation } from '../../../../src/engine/simulation';

const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012';
const data = (s: string) => new TextEncoder().encode(s);

/** Each record's text and its EncryptionType, or 'absent' when the record has no such key. */
function readAll(sim: Simulation): Array<[string, string]> {
  const it = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
  return sim.kinesis.getRecords({ ShardIterator: it }).Records.map((r) => [new TextDecoder().decode(r.Data), 'EncryptionType' in r ? String(r.EncryptionType) : 'absent']);
}

describe('startStreamEncryption / stopStreamEncryption', () => {
  it('goes UPDATING then ACTIVE; only records written after the change are encrypted (server-side encryption protects new data only)', () => {
    const sim = withStream(1);
    // An unencrypted stream's answers carry no EncryptionType at all (AWS omits it; DescribeStream says NONE).
    expect(sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: data('before') })).not.toHaveProperty('EncryptionType');
    sim.core.events.drain();
    expect(sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY })).toEqual({});
    const during = sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect([during.StreamStatus, during.EncryptionType, during.KeyId]).toEqual(['UPDATING', 'NONE', undefined]);
    // Writes go on while UPDATING, still unencrypted.
    expect(sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: data('during') })).not.toHaveProperty('EncryptionType');
    sim.advanceSync(10000);
    const after = sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect([after.StreamStatus, after.EncryptionType, after.KeyId]).toEqual(['ACTIVE', 'KMS', KEY]);
    const sum = sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect([sum.EncryptionType, sum.KeyId]).toEqual(['KMS', KEY]);
    expect(sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: data('after') }).EncryptionType).toBe('KMS');
    expect(sim.kinesis.putRecords({ StreamName: 's', Records: [{ PartitionKey: 'k', Data: data('batch') }] }).EncryptionType).toBe('KMS');
    expect(readAll(sim)).toEqual([['before', 'absent'], ['during', 'absent'], ['after', 'KMS'], ['batch', 'KMS']]);
    expect(sim.core.events.drain()).toEqual([
      { type: 'streamStatus', time: T0 + 10000, stream: 's', status: 'UPDATING' },
      { type: 'streamEncryptionChanged', time: T0 + 20000, stream: 's', encryptionType: 'KMS', keyId: KEY },
      { type: 'streamStatus', time: T0 + 20000, stream: 's', status: 'ACTIVE' },
    ]);

    // Stopping: records written from then on are not encrypted; those already stored stay encrypted.
    expect(sim.kinesis.stopStreamEncryption({ StreamARN: ARN, EncryptionType: 'KMS', KeyId: KEY })).toEqual({});
    sim.advanceSync(10000);
    const off = sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription;
    expect([off.EncryptionType, off.KeyId]).toEqual(['NONE', undefined]);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: data('later') });
    expect(readAll(sim)).toEqual([['before', 'absent'], ['during', 'absent'], ['after', 'KMS'], ['batch', 'KMS'], ['later', 'absent']]);
  });

  it('takes a key id, key ARN, alias name, alias ARN or alias/aws/kinesis, and refuses what names no key', () => {
    const forms = ['12345678-1234-1234-1234-123456789012', KEY, 'alias/MyAlias', 'arn:aws:kms:us-east-1:123456789012:alias/MyAlias', 'alias/aws/kinesis'];
    for (const keyId of forms) {
      const sim = withStream(1);
      sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: keyId });
      sim.advanceSync(10000);
      expect(sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription.KeyId).toBe(keyId);
    }
    const sim = withStream(1);
    expectAwsError(() => sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: 'not-a-key' }), 'KMSNotFoundException', 'Invalid keyId not-a-key');
    expectAwsError(
      () => sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'NONE', KeyId: KEY }),
      'InvalidArgumentException',
      'EncryptionType NONE is not supported by StartStreamEncryption; the only valid value is KMS.',
    );
    expectAwsError(
      () => sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'AES' as never, KeyId: '' }),
      'ValidationException',
      "2 validation errors detected: Value 'AES' at 'encryptionType' failed to satisfy constraint: Member must satisfy enum value set: [NONE, KMS]; Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
    expectAwsError(
      () => sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY }),
      'ResourceInUseException',
      'Stream s under account 123456789012 not ACTIVE, instead in state UPDATING',
    );
  });

  it('allows 25 new keys per rolling 24 hours', () => {
    const sim = withStream(1);
    for (let i = 0; i < 25; i++) {
      sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY });
      sim.advanceSync(10000);
    }
    expectAwsError(
      () => sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY }),
      'LimitExceededException',
      'Stream s under account 123456789012 has already applied a new KMS key for server-side encryption 25 times in the last 24 hours. The limit is 25.',
    );
    // The first call leaves the window 24 h after it was made.
    sim.advanceSync(24 * 3600 * 1000 - 25 * 10000 + 1);
    expect(sim.kinesis.startStreamEncryption({ StreamName: 's', EncryptionType: 'KMS', KeyId: KEY })).toEqual({});
  });
});
