import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { createRandom } from '../../../../src/engine/core/random';
import { encodeUtf8, decodeUtf8 } from '../../../../src/engine/core/utf8';
import { registerBuiltinFunction } from '../../../../src/engine/lambda/builtins';
import { resultTo } from '../../helpers/callbacks';
import { runTransform, type TransformRunResult, type TransformContext } from '../../../../src/engine/firehose/transform/runTransform';
import { parseLambdaProcessor } from '../../../../src/engine/firehose/transform/processorParameters';
import { toBase64 } from '../../../../src/engine/core/base64';
import type { FirehoseTransformEvent } from '../../../../src/engine/firehose/transform/transformEvent';

const STREAM = 'arn:aws:firehose:us-east-1:123456789012:deliverystream/orders';
const T0 = 1767225600000;

function setup(seed = 1) {
  const sim = createSimulation({ seed });
  const ctx: TransformContext = { core: sim.core, lambda: sim.lambda, random: createRandom('t'), deliveryStreamArn: STREAM, recordSerial: { next: 1 } };
  const recs = (...texts: string[]) => texts.map((t, i) => ({ data: encodeUtf8(t), arrival: T0 - 1000 + i }));
  const config = (fn: string, extra: Array<[string, string]> = []) =>
    parseLambdaProcessor({ Type: 'Lambda', Parameters: [['LambdaArn', `arn:aws:lambda:us-east-1:123456789012:function:${fn}`], ...extra].map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue })) });
  return { sim, ctx, recs, config };
}

describe('runTransform', () => {
  it('converts CSV records to JSON and fails bad ones with the processing-failed JSON', () => {
    const { sim, ctx, recs, config } = setup();
    registerBuiltinFunction(sim, 'firehose-csv-to-json', { FunctionName: 'csv', durationMs: 200 });
    let result: TransformRunResult | undefined;
    runTransform(ctx, config('csv'), recs('1,Alice,30\n', '2,Bob'), resultTo<TransformRunResult>(sim.core, (r) => (result = r)));
    sim.advanceSync(199);
    expect(result).toBeUndefined();
    sim.advanceSync(1);
    expect(result!.invocations).toBe(1);
    expect([result!.ok, result!.dropped, result!.failed]).toEqual([1, 0, 1]);
    const [ok, failed] = result!.outcomes;
    expect(ok.result === 'Ok' && decodeUtf8(ok.data)).toBe('{"id":"1","name":"Alice","age":"30"}\n');
    expect(failed.result).toBe('ProcessingFailed');
    if (failed.result !== 'ProcessingFailed') return;
    // The fields of its processing-failed JSON record (delivery.ts routeFailed writes them in AWS's order).
    const f = failed.failure;
    expect({ attemptsMade: f.attemptsMade, arrivalTimestamp: f.arrival, errorCode: f.errorCode, errorMessage: f.errorMessage, attemptEndingTimestamp: f.attemptEndingTimestamp, rawData: toBase64(f.raw), lambdaArn: f.lambdaArn }).toEqual({
      attemptsMade: 1,
      arrivalTimestamp: 1767225599001,
      errorCode: 'Lambda.ProcessingFailed',
      errorMessage: 'The Lambda function returned ProcessingFailed for this record.',
      attemptEndingTimestamp: 1767225600200,
      rawData: 'MixCb2I=',
      lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:csv:$LATEST',
    });
  });

  it('sends the event in the Firehose contract shape', () => {
    const { sim, ctx, recs, config } = setup();
    const seen: FirehoseTransformEvent[] = [];
    sim.lambda.createFunction({ FunctionName: 'spy', handler: (e) => { seen.push(e as FirehoseTransformEvent); return { records: (e as FirehoseTransformEvent).records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) }; } });
    runTransform({ ...ctx, sourceKinesisStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/src' }, config('spy'), recs('a'), resultTo(sim.core, () => {}));
    sim.advanceSync(100);
    expect(seen).toEqual([
      {
        invocationId: seen[0].invocationId,
        deliveryStreamArn: STREAM,
        sourceKinesisStreamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/src',
        region: 'us-east-1',
        records: [{ recordId: '49000000000000000000000000000000000000000000000000000001', approximateArrivalTimestamp: 1767225599000, data: 'YQ==' }],
      },
    ]);
    expect(Object.keys(seen[0])).toEqual(['invocationId', 'deliveryStreamArn', 'sourceKinesisStreamArn', 'region', 'records']);
    expect(seen[0].invocationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('retries a failing invocation NumberOfRetries times, then fails the whole batch with Lambda.FunctionError', () => {
    const { sim, ctx, recs, config } = setup();
    sim.lambda.createFunction({ FunctionName: 'broken', handler: () => { throw new Error('nope'); }, durationMs: 500 });
    let result: TransformRunResult | undefined;
    runTransform(ctx, config('broken'), recs('x', 'y'), resultTo<TransformRunResult>(sim.core, (r) => (result = r)));
    // 4 attempts of 500 ms with 1 s between them: the last ends at 4*500 + 3*1000 = 5000 ms.
    sim.advanceSync(4999);
    expect(result).toBeUndefined();
    sim.advanceSync(1);
    expect(result!.invocations).toBe(4);
    expect(result!.outcomes.map((o) => o.result === 'ProcessingFailed' && [o.failure.errorCode, o.failure.attemptsMade, o.failure.attemptEndingTimestamp])).toEqual([
      ['Lambda.FunctionError', 4, T0 + 5000],
      ['Lambda.FunctionError', 4, T0 + 5000],
    ]);
    expect(sim.lambda.metrics('broken')!.totals.Errors).toBe(4);
  });

  it('succeeds on a retry when a flaky function recovers', () => {
    const { sim, ctx, recs, config } = setup();
    let calls = 0;
    sim.lambda.createFunction({
      FunctionName: 'flaky',
      handler: (e) => {
        if (calls++ === 0) throw new Error('first call fails');
        return { records: (e as FirehoseTransformEvent).records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) };
      },
    });
    let result: TransformRunResult | undefined;
    runTransform(ctx, config('flaky', [['NumberOfRetries', '1']]), recs('x'), resultTo<TransformRunResult>(sim.core, (r) => (result = r)));
    sim.advanceSync(1200);
    expect(result!.invocations).toBe(2);
    expect(result!.ok).toBe(1);
  });

  it('fails the batch with Lambda.MissingRecordId when the response loses a record', () => {
    const { sim, ctx, recs, config } = setup();
    sim.lambda.createFunction({ FunctionName: 'lossy', handler: (e) => ({ records: (e as FirehoseTransformEvent).records.slice(1).map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) }) });
    let result: TransformRunResult | undefined;
    runTransform(ctx, config('lossy', [['NumberOfRetries', '0']]), recs('x', 'y'), resultTo<TransformRunResult>(sim.core, (r) => (result = r)));
    sim.advanceSync(100);
    expect(result!.outcomes.map((o) => o.result === 'ProcessingFailed' && o.failure.errorCode)).toEqual(['Lambda.MissingRecordId', 'Lambda.MissingRecordId']);
  });

  it('carries Lambda partition keys and Dropped results', () => {
    const { sim, ctx, recs, config } = setup();
    registerBuiltinFunction(sim, 'firehose-partition-keys', { FunctionName: 'keys', options: { keys: { customer: 'customer_id' } } });
    registerBuiltinFunction(sim, 'firehose-filter-by-field', { FunctionName: 'filter', options: { field: 'level', values: ['DEBUG'] } });
    let a: TransformRunResult | undefined, b: TransformRunResult | undefined;
    runTransform(ctx, config('keys'), recs('{"customer_id":"c-7"}'), resultTo<TransformRunResult>(sim.core, (r) => (a = r)));
    runTransform(ctx, config('filter'), recs('{"level":"DEBUG"}', '{"level":"INFO"}'), resultTo<TransformRunResult>(sim.core, (r) => (b = r)));
    sim.advanceSync(100);
    expect(a!.outcomes[0]).toMatchObject({ result: 'Ok', partitionKeys: { customer: 'c-7' } });
    expect(b!.outcomes.map((o) => o.result)).toEqual(['Dropped', 'Ok']);
  });

  it('splits records into invocations of at most BufferSizeInMBs of data', () => {
    const { sim, ctx, config } = setup();
    const sizes: number[] = [];
    sim.lambda.createFunction({ FunctionName: 'count', handler: (e) => { const r = (e as FirehoseTransformEvent).records; sizes.push(r.length); return { records: r.map((x) => ({ recordId: x.recordId, result: 'Ok', data: x.data })) }; } });
    const big = Array.from({ length: 10 }, (_, i) => ({ data: new Uint8Array(100 * 1024), arrival: T0 + i }));
    let result: TransformRunResult | undefined;
    // 0.2 MB = 209715 bytes: two 100 KiB records per invocation.
    runTransform(ctx, config('count', [['BufferSizeInMBs', '0.2']]), big, resultTo<TransformRunResult>(sim.core, (r) => (result = r)));
    sim.advanceSync(1000);
    expect(sizes).toEqual([2, 2, 2, 2, 2]);
    expect(result!.invocations).toBe(5);
  });

  it('is deterministic for the same seed under errorRate', () => {
    const run = () => {
      const { sim, ctx, recs, config } = setup(9);
      registerBuiltinFunction(sim, 'firehose-add-field', { FunctionName: 'add', errorRate: 0.5 });
      const out: string[] = [];
      for (let i = 0; i < 5; i++) runTransform(ctx, config('add', [['NumberOfRetries', '0']]), recs(`{"i":${i}}`), resultTo<TransformRunResult>(sim.core, (r) => out.push(r.outcomes[0].result)));
      sim.advanceSync(1000);
      return out;
    };
    expect(run()).toEqual(run());
  });
});

describe('parseLambdaProcessor', () => {
  it('applies AWS defaults and rejects out-of-range values', () => {
    expect(parseLambdaProcessor({ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'arn:x' }] })).toEqual({
      lambdaArn: 'arn:x',
      numberOfRetries: 3,
      bufferSizeBytes: 1048576,
      bufferIntervalMs: 60000,
    });
    expect(parseLambdaProcessor({ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'arn:x' }] }, 'Splunk').bufferSizeBytes).toBe(268435);
    expect(() => parseLambdaProcessor({ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'a' }, { ParameterName: 'BufferSizeInMBs', ParameterValue: '4' }] })).toThrowError(
      'Processor parameter BufferSizeInMBs value 4 is out of range; it must be between 0.2 and 3.',
    );
    expect(() => parseLambdaProcessor({ Type: 'Lambda' })).toThrowError('LambdaArn is a required parameter for processor type Lambda.');
  });
});
