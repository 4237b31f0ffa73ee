/**
 * Property: every record accepted by a delivery stream ends up exactly once
 * in a data object or in an error object (records the transform drops are
 * counted), whatever the mix of partition keys, unparseable records, the
 * active-partition limit, outages and timing.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../../src/engine/simulation';
import { fromBase64 } from '../../../src/engine/core/base64';
import { ROLE, T0, text, utf8 } from './helpers';

type Cmd =
  | { kind: 'put'; records: Array<{ key: number; valid: boolean }> }
  | { kind: 'advance'; ms: number }
  | { kind: 'outage'; down: boolean };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), records: fc.array(fc.record({ key: fc.integer({ min: 0, max: 3 }), valid: fc.boolean() }), { minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 200000 }) }),
  fc.record({ kind: fc.constant('outage' as const), down: fc.boolean() }),
);

describe('Firehose delivery', () => {
  it('delivers every accepted record exactly once to a data or an error object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 25 }), fc.boolean(), async (cmds, lambdaDrops) => {
        const sim = createSimulation({ seed: 11, startTime: T0 - 5000, activePartitionLimit: 2 });
        sim.s3.createBucket({ Bucket: 'bkt' });
        const processors = [
          { Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{k:.k}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] },
          { Type: 'AppendDelimiterToRecord' },
        ];
        if (lambdaDrops) {
          // A transform that drops every record whose id is a multiple of 5 and passes the rest.
          sim.lambda.createFunction({
            FunctionName: 'dropper',
            handler: (event: { records: Array<{ recordId: string; data: string }> }) => ({
              records: event.records.map((r) => {
                const raw = text(fromBase64(r.data)!);
                const id = Number(/"id":(\d+)/.exec(raw)?.[1] ?? /bad-(\d+)/.exec(raw)?.[1]);
                return { recordId: r.recordId, result: id % 5 === 0 ? 'Dropped' : 'Ok', data: r.data };
              }),
            }),
          } as never);
          processors.unshift({ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'arn:aws:lambda:us-east-1:123456789012:function:dropper' }, { ParameterName: 'BufferIntervalInSeconds', ParameterValue: '60' }] } as never);
        }
        sim.firehose.createDeliveryStream({
          DeliveryStreamName: 'p',
          ExtendedS3DestinationConfiguration: {
            RoleARN: ROLE, BucketARN: 'arn:aws:s3:::bkt',
            Prefix: 'k=!{partitionKeyFromQuery:k}/', ErrorOutputPrefix: 'err/!{firehose:error-output-type}/',
            BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 },
            DynamicPartitioningConfiguration: { Enabled: true },
            ProcessingConfiguration: { Enabled: true, Processors: processors },
          },
        });
        await sim.advance(5000);
        let next = 0;
        const put = new Set<number>();
        for (const c of cmds) {
          if (c.kind === 'put') {
            const records = c.records.map((r) => {
              const id = next++;
              put.add(id);
              return { Data: utf8(r.valid ? `{"id":${id},"k":"key${r.key}"}` : `bad-${id}`) };
            });
            sim.firehose.putRecordBatch({ DeliveryStreamName: 'p', Records: records });
          } else if (c.kind === 'advance') await sim.advance(c.ms);
          else sim.firehose.setDestinationOutage('p', c.down);
        }
        sim.firehose.setDestinationOutage('p', false);
        await sim.advance(600000);
        const seen = new Map<number, number>();
        const count = (id: number) => seen.set(id, (seen.get(id) ?? 0) + 1);
        for (const o of sim.s3.listObjectsV2({ Bucket: 'bkt', MaxKeys: 1000 }).Contents ?? []) {
          const body = text(sim.s3.getObject({ Bucket: 'bkt', Key: o.Key }).Body);
          for (const line of body.split('\n').filter((l) => l !== '')) {
            if (o.Key.startsWith('err/')) {
              const raw = text(fromBase64(JSON.parse(line).rawData)!);
              count(Number(/"id":(\d+)/.exec(raw)?.[1] ?? /bad-(\d+)/.exec(raw)![1]));
            } else count(Number(/"id":(\d+)/.exec(line)![1]));
          }
        }
        const acc = sim.firehose.accounting('p');
        const dropped = lambdaDrops ? [...put].filter((id) => id % 5 === 0).length : 0;
        expect(acc.dropped).toBe(dropped);
        for (const id of put) {
          const expected = lambdaDrops && id % 5 === 0 ? 0 : 1;
          expect(seen.get(id) ?? 0).toBe(expected);
        }
        expect(acc.accepted).toBe(put.size);
        expect(acc.delivered + acc.errored + acc.dropped).toBe(put.size);
        expect(acc.buffered).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
