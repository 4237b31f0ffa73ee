import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { ROLE, T0 } from './helpers';

type FirehoseEvent = { records: Array<{ recordId: string; data: string }> };

/** A stream to `field` with a Lambda processor that passes records through and counts each invocation's records. */
function withLambda(field: string, config: Record<string, unknown>, params: Array<{ ParameterName: string; ParameterValue: string }> = []) {
  const sim = createSimulation({ seed: 3, startTime: T0 - 5000 });
  sim.s3.createBucket({ Bucket: 'bkt' });
  const calls: number[] = [];
  sim.lambda.createFunction({
    FunctionName: 'fn',
    handler: (e) => {
      const ev = e as FirehoseEvent;
      calls.push(ev.records.length);
      return { records: ev.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) };
    },
  });
  const processing = { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'arn:aws:lambda:us-east-1:123456789012:function:fn' }, ...params] }] };
  sim.firehose.createDeliveryStream({ DeliveryStreamName: 'd', [field]: { RoleARN: ROLE, ProcessingConfiguration: processing, ...config } } as never);
  sim.advanceSync(5000);
  return { sim, calls };
}

const put100k = (sim: ReturnType<typeof createSimulation>, n: number) => {
  for (let i = 0; i < n; i++) sim.firehose.putRecord({ DeliveryStreamName: 'd', Record: { Data: new Uint8Array(100000) } });
};

describe('lambdaStage', () => {
  it('batches a Splunk destination\'s Lambda input at the 0.256 MB default: 100,000-byte records go 3 to an invocation', () => {
    const { sim, calls } = withLambda('SplunkDestinationConfiguration', {
      HECEndpoint: 'https://splunk.example', HECEndpointType: 'Raw', HECToken: 't',
      S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::bkt' },
    });
    put100k(sim, 9);
    sim.advanceSync(120000);
    expect(calls).toEqual([3, 3, 3]);
    expect(sim.firehose.accounting('d')).toMatchObject({ delivered: 9 });
  });

  it('batches an S3 destination\'s Lambda input at the 1 MB default: the same 9 records go in one invocation', () => {
    const { sim, calls } = withLambda('ExtendedS3DestinationConfiguration', { BucketARN: 'arn:aws:s3:::bkt' });
    put100k(sim, 9);
    sim.advanceSync(120000);
    expect(calls).toEqual([9]);
  });

});
