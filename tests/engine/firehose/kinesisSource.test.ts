import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';
import { ROLE, text, utf8 } from './helpers';
import { aggregate } from '../../../src/engine/firehose/kplDeaggregate';
import type { Simulation } from '../../../src/engine/simulation';

function sourceStream(shards = 1): { sim: Simulation; arn: string } {
  const { sim, arn } = activeStream(shards, 'src');
  sim.s3.createBucket({ Bucket: 'out' });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
    KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
  });
  return { sim, arn };
}

function bodies(sim: Simulation): string[] {
  return (sim.s3.listObjectsV2({ Bucket: 'out' }).Contents ?? []).map((c) => text(sim.s3.getObject({ Bucket: 'out', Key: c.Key }).Body));
}

describe('Kinesis stream as source', () => {
  it('starts at LATEST once ACTIVE, polls once a second and delivers what producers put', () => {
    const { sim } = sourceStream();
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('before\n') });
    sim.advanceSync(5000);
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('after\n') });
    sim.advanceSync(999);
    expect(sim.firehose.accounting('fh').accepted).toBe(0);
    sim.advanceSync(1);
    expect(sim.firehose.accounting('fh').accepted).toBe(1);
    sim.advanceSync(60000);
    expect(bodies(sim)).toEqual(['after\n']);
    const shard = sim.kinesisContext.streams.get('src')!.shards[0];
    // One GetRecords-equivalent call per second, counted against the shard's shared read limits.
    expect(shard.counters.readCalls).toBe(61);
    expect(sim.firehose.metrics('fh').total('DataReadFromKinesisStream.Records')).toBe(1);
  });

  it('refuses PutRecord on a KinesisStreamAsSource stream', () => {
    const { sim } = sourceStream();
    sim.advanceSync(5000);
    expect(() => sim.firehose.putRecord({ DeliveryStreamName: 'fh', Record: { Data: utf8('x') } })).toThrow(/not permitted on KinesisStreamAsSource/);
  });

  it('de-aggregates KPL records into their user records', () => {
    const { sim } = sourceStream();
    sim.advanceSync(5000);
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: aggregate([{ data: utf8('u1\n'), partitionKey: 'a' }, { data: utf8('u2\n'), partitionKey: 'b' }]) });
    sim.advanceSync(61000);
    expect(bodies(sim)).toEqual(['u1\nu2\n']);
    expect(sim.firehose.accounting('fh')).toMatchObject({ accepted: 2, delivered: 2 });
  });

  it('follows a split parent to its children', () => {
    const { sim } = sourceStream();
    sim.advanceSync(5000);
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('p\n') });
    sim.kinesis.splitShard({ StreamName: 'src', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 127n).toString() });
    sim.advanceSync(sim.kinesisContext.delays.updateStreamMs);
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('c\n') });
    sim.advanceSync(65000);
    expect(bodies(sim).join('')).toBe('p\nc\n');
  });

  it('pauses reading while deliveries fail and shows the lag as KinesisMillisBehindLatest', () => {
    const { sim } = sourceStream();
    sim.advanceSync(5000);
    sim.firehose.setDestinationOutage('fh', true);
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('a\n') });
    sim.advanceSync(61000); // read at +1 s, flushed at +61 s: the write fails and waits for a retry
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: utf8('b\n') });
    sim.advanceSync(30000);
    const m = sim.firehose.metrics('fh');
    expect(m.at('KinesisMillisBehindLatest', sim.now())).toBe(30000);
    expect(sim.firehose.accounting('fh').accepted).toBe(1);
    sim.firehose.setDestinationOutage('fh', false);
    sim.advanceSync(31000); // the retry at +60 s succeeds, the next poll reads 'b'
    expect(sim.firehose.accounting('fh')).toMatchObject({ accepted: 2, delivered: 1 });
    expect(m.at('KinesisMillisBehindLatest', sim.now())).toBe(0);
  });
});
