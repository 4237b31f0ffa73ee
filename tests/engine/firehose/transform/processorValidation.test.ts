/**
 * Lambda processor parameters are checked when the delivery stream is created
 * or updated, as AWS does, never on a put; BufferIntervalInSeconds ranges 0..900
 * [Firehose developer guide, data-transformation].
 */
import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { ROLE, T0 } from '../helpers';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:fn';

function sim() {
  const s = createSimulation({ seed: 3, startTime: T0 - 5000 });
  s.s3.createBucket({ Bucket: 'bkt' });
  const calls: number[] = [];
  s.lambda.createFunction({
    FunctionName: 'fn',
    handler: (e) => {
      const recs = (e as { records: Array<{ recordId: string; data: string }> }).records;
      calls.push(recs.length);
      return { records: recs.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) };
    },
  });
  return { s, calls };
}

const processing = (params: Array<[string, string]>) => ({
  Enabled: true,
  Processors: [{ Type: 'Lambda', Parameters: [['LambdaArn', FN], ...params].map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue })) }],
});

function create(s: ReturnType<typeof createSimulation>, params: Array<[string, string]>) {
  return () => s.firehose.createDeliveryStream({
    DeliveryStreamName: 'd',
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::bkt', ProcessingConfiguration: processing(params) },
  } as never);
}

describe('Lambda processor parameters', () => {
  it('refuses BufferSizeInMBs 4 at CreateDeliveryStream and creates nothing', () => {
    const { s } = sim();
    expect(create(s, [['BufferSizeInMBs', '4']])).toThrow(expect.objectContaining({
      name: 'InvalidArgumentException',
      message: 'Processor parameter BufferSizeInMBs value 4 is out of range; it must be between 0.2 and 3.',
    }));
    expect(s.firehose.listDeliveryStreams({}).DeliveryStreamNames).toEqual([]);
  });

  it('refuses BufferSizeInMBs 4 at UpdateDestination, keeps the old settings, and still takes and counts puts', async () => {
    const { s, calls } = sim();
    create(s, [])();
    await s.advance(5000);
    const d = s.firehose.describeDeliveryStream({ DeliveryStreamName: 'd' }).DeliveryStreamDescription;
    expect(() => s.firehose.updateDestination({
      DeliveryStreamName: 'd',
      CurrentDeliveryStreamVersionId: d.VersionId,
      DestinationId: d.Destinations[0].DestinationId,
      ExtendedS3DestinationUpdate: { ProcessingConfiguration: processing([['BufferSizeInMBs', '4']]) },
    } as never)).toThrow(expect.objectContaining({ name: 'InvalidArgumentException' }));
    expect(s.firehose.describeDeliveryStream({ DeliveryStreamName: 'd' }).DeliveryStreamDescription.VersionId).toBe(d.VersionId);
    s.firehose.putRecord({ DeliveryStreamName: 'd', Record: { Data: new Uint8Array(10) } });
    s.firehose.putRecordBatch({ DeliveryStreamName: 'd', Records: [{ Data: new Uint8Array(10) }, { Data: new Uint8Array(10) }] });
    await s.advance(400000);
    expect(calls).toEqual([3]);
    expect(s.firehose.accounting('d')).toMatchObject({ accepted: 3, delivered: 3, buffered: 0 });
  });

  it('takes BufferIntervalInSeconds from 0 to 900 and refuses 901', async () => {
    const { s, calls } = sim();
    expect(create(s, [['BufferIntervalInSeconds', '901']])).toThrow(expect.objectContaining({
      message: 'Processor parameter BufferIntervalInSeconds value 901 is out of range; it must be between 0 and 900.',
    }));
    create(s, [['BufferIntervalInSeconds', '0']])();
    await s.advance(5000);
    s.firehose.putRecord({ DeliveryStreamName: 'd', Record: { Data: new Uint8Array(10) } });
    // A zero interval invokes the function with what is buffered at once, not 60 s later.
    await s.advance(1000);
    expect(calls).toEqual([1]);
  });
});
