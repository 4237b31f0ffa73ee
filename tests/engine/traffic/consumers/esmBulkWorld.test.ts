/**
 * The event source mapping's bulk step (count-only events, 60 s steps) gives
 * the world the per-invocation loop gave before it stopped building a batch
 * per successful invocation, looked up only the arrivals that can raise the
 * second's IteratorAge, and added Lambda's metrics once per step: the totals,
 * every on-failure record (request ids included), Lambda's per-second points
 * and the mapping's AWS/Lambda series are pinned as that loop produced them
 * (the digest is MD5 of their JSON, measured on the loop's last commit).
 */
import { describe, it, expect } from 'vitest';
import SparkMD5 from 'spark-md5';
import { createSimulation } from '../../../../src/engine/simulation';
import { ESM_METRICS } from '../../../../src/engine/metrics/esmMetrics';
import type { EventSourceMapping } from '../../../../src/engine/traffic/consumers/lambdaEsm/eventSourceMapping';

function world(bisect: boolean, maxAgeSeconds: number) {
  const sim = createSimulation({ seed: 'esm-bulk-golden' });
  sim.kinesis.createStream({ StreamName: 'big', ShardCount: 4 });
  sim.advanceSync(10000);
  sim.traffic.addProducer({ streamName: 'big', rate: { kind: 'constant', recordsPerSecond: 3900 }, keys: { name: 'device_id', count: 1000 }, record: { sizeBytes: 300 }, writePath: 'PutRecords' });
  sim.lambda.createFunction({ FunctionName: 'count', handler: () => null, durationMs: 700, errorRate: 0.35 } as never);
  const id = sim.traffic.addConsumer({
    type: 'lambdaMapping', FunctionName: 'count', EventSourceArn: 'big', StartingPosition: 'TRIM_HORIZON', BatchSize: 2000, materialiseRecords: false, stepMs: 60000,
    BisectBatchOnFunctionError: bisect, MaximumRetryAttempts: 3, MaximumRecordAgeInSeconds: maxAgeSeconds, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
  } as never);
  sim.advanceSync(40 * 60000);
  const esm = sim.traffic.getConsumer(id) as unknown as EventSourceMapping;
  const to = sim.now(), from = to - 40 * 60000;
  const series = Object.fromEntries(Object.keys(ESM_METRICS).map((m) => [m, Array.from(sim.metrics.lambdaEsm.series({ functionName: 'count', metric: m as never, from, to }).values).map((v) => (Number.isNaN(v) ? null : v))]));
  const lambda = sim.lambda.metrics('count')!;
  const out = { totals: esm.totals(), onFailure: esm.onFailure, lambda: lambda.points(), lambdaTotals: lambda.totals, series, counter: sim.lambda.context.requestCounter };
  return { out, digest: SparkMD5.hash(JSON.stringify(out)) };
}

describe('Lambda ESM bulk step: the same world as the per-invocation loop', () => {
  it('bisecting, with batches discarded by age', () => {
    const { out, digest } = world(true, 300);
    expect(out.totals).toMatchObject({ invocations: 13462, errors: 4679, retries: 42, recordsProcessed: 8450334, recordsDiscarded: 127888, onFailureDeliveries: 74, invokedEvents: 12878419, failedEvents: 4428085, iteratorAgeMs: 268327, maxIteratorAgeMs: 202483 });
    expect(out.onFailure.at(-1)!.requestContext).toMatchObject({ condition: 'RecordAgeExceeded', requestId: '45ca17a5-0000-4396-a17a-000000003396' });
    expect(digest).toBe('3c23db51bba26b89a840f94332227f9d');
  });

  it('retrying whole batches until the retries run out', () => {
    const { out, digest } = world(false, -1);
    expect(out.totals).toMatchObject({ invocations: 7076, errors: 2422, retries: 2357, recordsProcessed: 9222485, recordsDiscarded: 128096, onFailureDeliveries: 65, iteratorAgeMs: 1000 });
    expect(out.onFailure.at(-1)!.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', requestId: 'ab7a01e2-0000-4b9f-a01e-000000001b9f' });
    expect(digest).toBe('b58bbce7f2f7aaf981276b725232d93a');
  });

  it('bisecting without an age limit (nothing discarded)', () => {
    const { out, digest } = world(true, -1);
    expect(out.totals).toMatchObject({ invocations: 13462, errors: 4679, recordsDiscarded: 0, iteratorAgeMs: 479427, maxIteratorAgeMs: 400800 });
    expect(out.lambdaTotals).toEqual({ Invocations: 13462, Errors: 4679, Throttles: 0, DurationSum: 9423400, ConcurrentExecutionsMax: 0 });
    expect(digest).toBe('9472ea65c82030a242b14fb4c4a44d6b');
  });
});
