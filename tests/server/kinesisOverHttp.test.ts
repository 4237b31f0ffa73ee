import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListStreamsCommand, PutRecordsCommand, ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import { startServer, type Running } from './serverFixture';

describe('the endpoint with @aws-sdk/client-kinesis over loopback HTTP', () => {
  let s: Running;
  let kinesis: KinesisClient;
  beforeEach(async () => {
    s = await startServer();
    kinesis = new KinesisClient(s.config);
  });
  afterEach(async () => {
    kinesis.destroy();
    await s.stop();
  });

  it('creates a stream, puts records, and reads them back with GetShardIterator and GetRecords', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'orders', ShardCount: 1 }));
    const creating = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'orders' }));
    expect(creating.StreamDescriptionSummary?.StreamStatus).toBe('CREATING');
    await s.host.advance(60_000);
    const active = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'orders' }));
    expect(active.StreamDescriptionSummary?.StreamStatus).toBe('ACTIVE');
    expect(active.StreamDescriptionSummary?.OpenShardCount).toBe(1);

    const enc = new TextEncoder();
    const put = await kinesis.send(
      new PutRecordsCommand({
        StreamName: 'orders',
        Records: [
          { Data: enc.encode('first'), PartitionKey: 'a' },
          { Data: enc.encode('second'), PartitionKey: 'b' },
        ],
      }),
    );
    expect(put.FailedRecordCount).toBe(0);
    expect(put.Records?.map((r) => r.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000000']);

    const it0 = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'orders', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: it0.ShardIterator! }));
    expect(got.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['first', 'second']);
    expect(got.Records?.map((r) => r.PartitionKey)).toEqual(['a', 'b']);
    expect(got.Records?.map((r) => r.SequenceNumber)).toEqual(put.Records?.map((r) => r.SequenceNumber));
    expect(got.MillisBehindLatest).toBe(0);

    const list = await kinesis.send(new ListStreamsCommand({}));
    expect(list.StreamNames).toEqual(['orders']);
  });

  it("answers an unknown stream with AWS's ResourceNotFoundException", async () => {
    const err = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'missing' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect((err as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400);
    expect((err as Error).message).toMatch(/^Stream missing under account \d{12} not found\.$/);
  });
});
