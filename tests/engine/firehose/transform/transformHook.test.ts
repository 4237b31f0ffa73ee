import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { encodeUtf8, decodeUtf8 } from '../../../../src/engine/core/utf8';
import { registerBuiltinFunction } from '../../../../src/engine/lambda/builtins';
import { createTransformHook, newTransformState } from '../../../../src/engine/firehose/transform/transformHook';
import { resultTo } from '../../helpers/callbacks';
import type { TransformOutcome } from '../../../../src/engine/firehose/processingHooks';

const processor = (fn: string, retries = '0') => ({
  Type: 'Lambda',
  Parameters: [
    { ParameterName: 'LambdaArn', ParameterValue: `arn:aws:lambda:us-east-1:123456789012:function:${fn}` },
    { ParameterName: 'NumberOfRetries', ParameterValue: retries },
  ],
});

describe('createTransformHook', () => {
  it('maps outcomes to the pipeline: Ok in order, failures for the error prefix, a Dropped count', () => {
    const sim = createSimulation();
    registerBuiltinFunction(sim, 'firehose-filter-by-field', { FunctionName: 'f', options: { field: 'level', values: ['DEBUG'] } });
    const hook = createTransformHook(sim);
    let out: TransformOutcome | undefined;
    const records = ['{"level":"INFO","n":1}', '{"level":"DEBUG"}', 'x', '{"level":"WARN","n":2}'].map((t, i) => ({ data: encodeUtf8(t), arrival: 1000 + i }));
    hook({ deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/d', region: 'us-east-1', processor: processor('f'), records, state: newTransformState(sim.core.seed, 'arn:aws:firehose:us-east-1:123456789012:deliverystream/d') }, resultTo<TransformOutcome>(sim.core, (o) => (out = o)));
    sim.advanceSync(100);
    expect(out!.ok.map((r) => [decodeUtf8(r.data), r.arrival])).toEqual([
      ['{"level":"INFO","n":1}', 1000],
      ['{"level":"WARN","n":2}', 1003],
    ]);
    expect(out!.dropped).toBe(1);
    expect(out!.failed).toEqual([
      {
        raw: encodeUtf8('x'),
        arrival: 1002,
        errorCode: 'Lambda.ProcessingFailed',
        errorMessage: 'The Lambda function returned ProcessingFailed for this record.',
        attemptsMade: 1,
        attemptEndingTimestamp: 1767225600100,
        lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST',
      },
    ]);
  });

  it('gives up on an invocation after Firehose waits 5 minutes, even if the function Timeout is longer', () => {
    const sim = createSimulation();
    sim.lambda.createFunction({ FunctionName: 'slow', handler: (e) => e, durationMs: 600000, Timeout: 900 });
    const hook = createTransformHook(sim);
    let out: TransformOutcome | undefined;
    hook({ deliveryStreamArn: 'arn:d', region: 'us-east-1', processor: processor('slow'), records: [{ data: encodeUtf8('a'), arrival: 0 }], state: newTransformState(sim.core.seed, 'arn:d') }, resultTo<TransformOutcome>(sim.core, (o) => (out = o)));
    sim.advanceSync(299999);
    expect(out).toBeUndefined();
    sim.advanceSync(1);
    expect(out!.failed.map((f) => [f.errorCode, f.attemptEndingTimestamp])).toEqual([['Lambda.FunctionTimedOut', 1767225900000]]);
    sim.advanceSync(600000); // the late Lambda result is ignored
    expect(out!.failed).toHaveLength(1);
  });

  it('fails with Lambda.FunctionNotFound for an unknown function', () => {
    const sim = createSimulation();
    const hook = createTransformHook(sim);
    let out: TransformOutcome | undefined;
    hook({ deliveryStreamArn: 'arn:d', region: 'us-east-1', processor: processor('ghost'), records: [{ data: encodeUtf8('a'), arrival: 0 }], state: newTransformState(sim.core.seed, 'arn:d') }, resultTo<TransformOutcome>(sim.core, (o) => (out = o)));
    sim.advanceSync(0);
    expect(out!.failed[0].errorCode).toBe('Lambda.FunctionNotFound');
  });
});
