import { describe, it, expect } from 'vitest';
import { EventSourceMapping } from '../../../../src/engine/traffic/consumers/lambdaEsm/eventSourceMapping';
import type { EventSourceMappingInput } from '../../../../src/engine/traffic/consumers/lambdaEsm/esmConfig';
import { decodeUtf8, encodeUtf8 } from '../../../../src/engine/core/utf8';
import { fromBase64 } from '../../../../src/engine/core/base64';
import type { Simulation } from '../../../../src/engine/simulation';
import { activeStream, every, putN } from './helpers';
import { requestIdOf } from '../../../../src/engine/lambda/invoke';

type Ev = { Records: Array<{ kinesis: { data: string; sequenceNumber: string; partitionKey: string } }>; state?: { n: number }; isFinalInvokeForWindow?: boolean; window?: { start: string; end: string } };
const text = (r: Ev['Records'][number]) => decodeUtf8(fromBase64(r.kinesis.data)!);

function put(sim: Simulation, data: string[], key = (i: number) => 'k') {
  sim.kinesis.putRecords({ StreamName: 's', Records: data.map((d, i) => ({ Data: encodeUtf8(d), PartitionKey: key(i) })) });
}

function mapping(sim: Simulation, handler: (e: Ev) => unknown, input: Partial<EventSourceMappingInput> = {}, durationMs = 100) {
  sim.lambda.createFunction({ FunctionName: 'fn', handler: (e) => handler(e as Ev), durationMs });
  const esm = new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'fn', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON', ...input }, { uuid: 'esm-1' });
  esm.start();
  return esm;
}

describe('EventSourceMapping', () => {
  it('invokes with up to BatchSize records per shard per poll: 250 records give 100, 100, 50', () => {
    const sim = activeStream(1);
    put(sim, Array.from({ length: 250 }, (_, i) => `r${i}`));
    const sizes: number[] = [];
    const esm = mapping(sim, (e) => void sizes.push(e.Records.length));
    sim.advanceSync(5000);
    expect(sizes).toEqual([100, 100, 50]);
    expect(esm.totals()).toMatchObject({ invocations: 3, recordsProcessed: 250, errors: 0 });
  });

  it('cuts a batch so the event JSON stays within 6 MB: 100 KB records with BatchSize 100 give batches of 45', () => {
    // Payload size is measured as the UTF-8 bytes of the invocation event JSON, {"Records":[...]}, each record's data in base64.
    const sim = activeStream(1);
    // 9 records of 100 KB a second stays under the shard's 1 MB/s write limit; the window lets a batch grow past 6 MB.
    every(sim, 1000, 12, () => putN(sim, 's', 9, () => 'k', 102400));
    const batches: Ev[] = [];
    mapping(sim, (e) => void batches.push(e), { BatchSize: 100, MaximumBatchingWindowInSeconds: 60 });
    sim.advanceSync(80000);
    const sizes = batches.map((b) => b.Records.length);
    expect(sizes).toEqual([45, 45, 18]);
    const json = JSON.stringify(batches[0]).length; // ASCII only, so characters are bytes
    const oneRecord = JSON.stringify(batches[0].Records[0]).length;
    expect(oneRecord).toBe(136536 + JSON.stringify({ ...batches[0].Records[0], kinesis: { ...batches[0].Records[0].kinesis, data: '' } }).length);
    expect(json).toBe(14 + 45 * oneRecord + 44);
    expect(json).toBeLessThanOrEqual(6291456);
    expect(json + 1 + oneRecord).toBeGreaterThan(6291456);
  });

  it('cuts count-only batches at 6 MB too: 108 records of 100 KB take 3 invocations, not BatchSize 100 + 8', () => {
    // The same records as above, counted rather than materialised: each is bounded by its JSON frame plus the
    // base64 of its stored size, so at most 45 fit an invocation and the 108 records need three.
    const sim = activeStream(1);
    every(sim, 1000, 12, () => putN(sim, 's', 9, () => 'k', 102400));
    const esm = mapping(sim, () => undefined, { BatchSize: 100, MaximumBatchingWindowInSeconds: 60, materialiseRecords: false } as never);
    sim.advanceSync(80000);
    expect(esm.totals()).toMatchObject({ invocations: 3, recordsProcessed: 108, invokedEvents: 108, errors: 0 });
  });

  it('gives the Kinesis event record shape', () => {
    const sim = activeStream(1);
    put(sim, ['hello']);
    let rec: unknown;
    mapping(sim, (e) => void (rec ??= e.Records[0]));
    sim.advanceSync(1000);
    expect(rec).toMatchObject({
      kinesis: { kinesisSchemaVersion: '1.0', partitionKey: 'k', data: 'aGVsbG8=' },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventName: 'aws:kinesis:record',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
    });
    const r = rec as { eventID: string; kinesis: { sequenceNumber: string } };
    expect(r.eventID).toBe(`shardId-000000000000:${r.kinesis.sequenceNumber}`);
  });

  it('waits for MaximumBatchingWindowInSeconds unless the batch fills', () => {
    const sim = activeStream(1);
    every(sim, 1000, 20, () => put(sim, Array.from({ length: 10 }, () => 'x')));
    const sizes: Array<[number, number]> = [];
    const t0 = sim.now();
    mapping(sim, (e) => void sizes.push([sim.now() - t0, e.Records.length]), { BatchSize: 100, MaximumBatchingWindowInSeconds: 5 });
    sim.advanceSync(12000);
    // Polls at 0..: the first pending record is from t=0, so the window ends at 5 s with 60 records, then again at 11 s.
    expect(sizes).toEqual([[5000, 60], [11000, 60]]);
  });

  it('bisects a batch with a poison record down to that record, retries it, then sends its bounds to the on-failure destination', () => {
    const sim = activeStream(1);
    put(sim, ['a', 'b', 'c', 'd', 'e', 'POISON', 'g', 'h']);
    const calls: string[] = [];
    const esm = mapping(
      sim,
      (e) => {
        const batch = e.Records.map(text);
        calls.push(batch.join(''));
        if (batch.includes('POISON')) throw new Error('cannot parse');
      },
      { BatchSize: 8, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } } },
    );
    sim.advanceSync(3000);
    expect(calls).toEqual(['abcdePOISONgh', 'abcd', 'ePOISONgh', 'ePOISON', 'e', 'POISON', 'POISON', 'POISON', 'gh']);
    expect(esm.totals()).toMatchObject({ invocations: 9, errors: 6, retries: 2, recordsProcessed: 7, recordsDiscarded: 1, onFailureDeliveries: 1 });
    const seq = esm.cursors()[0].shard.store; // the poison record is index 5
    expect(seq.nextIndex).toBe(8);
    expect(esm.onFailure).toHaveLength(1);
    expect(esm.onFailure[0].KinesisBatchInfo).toMatchObject({ shardId: 'shardId-000000000000', batchSize: 1, streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s' });
    expect(esm.onFailure[0].KinesisBatchInfo.startSequenceNumber).toBe(esm.onFailure[0].KinesisBatchInfo.endSequenceNumber);
    expect(esm.onFailure[0].KinesisBatchInfo.startSequenceNumber.endsWith('5')).toBe(true);
    expect(esm.onFailure[0].KinesisBatchInfo.approximateArrivalOfFirstRecord).toMatch(/^2026-01-01T00:01:00\.000Z$/);
    // The log tells the same story: three splits (8 -> 5 -> 2 -> 1), then the poison record given up on.
    const told = sim.core.events.peek().filter((e) => e.type === 'esmBatchBisected' || e.type === 'esmRecordsDiscarded');
    expect(told.map((e) => [e.type, e.records, e.mapping, e.functionName, e.shardId])).toEqual([
      ['esmBatchBisected', 8, 'esm-1', 'fn', 'shardId-000000000000'],
      ['esmBatchBisected', 4, 'esm-1', 'fn', 'shardId-000000000000'],
      ['esmBatchBisected', 2, 'esm-1', 'fn', 'shardId-000000000000'],
      ['esmRecordsDiscarded', 1, 'esm-1', 'fn', 'shardId-000000000000'],
    ]);
    expect(told[3]).toMatchObject({ reason: 'retriesExhausted', onFailure: true, stream: 's' });
  });

  it('without bisect, retries the whole batch MaximumRetryAttempts times and then discards all of it', () => {
    const sim = activeStream(1);
    put(sim, ['a', 'POISON', 'c']);
    const esm = mapping(sim, (e) => { if (e.Records.map(text).includes('POISON')) throw new Error('bad'); }, { MaximumRetryAttempts: 3, DestinationConfig: { OnFailure: { Destination: 'dlq' } } });
    sim.advanceSync(2000);
    expect(esm.totals()).toMatchObject({ invocations: 4, errors: 4, retries: 3, recordsProcessed: 0, recordsDiscarded: 3 });
    expect(esm.onFailure.map((b) => b.KinesisBatchInfo.batchSize)).toEqual([3]);
  });

  it('with infinite retries, blocks the shard until the record is older than MaximumRecordAgeInSeconds', () => {
    const sim = activeStream(1);
    put(sim, ['POISON']);
    const esm = mapping(sim, () => { throw new Error('bad'); }, { MaximumRecordAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: 'dlq' } } });
    sim.advanceSync(59000);
    expect(esm.onFailure).toHaveLength(0);
    sim.advanceSync(3000);
    // 100 ms per attempt from the record's arrival: the 601st completes at 60.1 s, past 60 s of age.
    expect(esm.totals()).toMatchObject({ invocations: 601, recordsDiscarded: 1 });
    expect(esm.onFailure).toHaveLength(1);
    expect(sim.core.events.peek().filter((e) => e.type === 'esmRecordsDiscarded')).toMatchObject([{ records: 1, reason: 'expired', onFailure: true }]);
  });

  it('retries from the lowest failed item with ReportBatchItemFailures', () => {
    const sim = activeStream(1);
    put(sim, Array.from({ length: 10 }, (_, i) => `r${i}`));
    const calls: string[][] = [];
    const esm = mapping(
      sim,
      (e) => {
        calls.push(e.Records.map(text));
        const bad = e.Records.filter((r) => ['r3', 'r6'].includes(text(r)));
        return calls.length === 1 ? { batchItemFailures: bad.map((r) => ({ itemIdentifier: r.kinesis.sequenceNumber })) } : { batchItemFailures: [] };
      },
      { FunctionResponseTypes: ['ReportBatchItemFailures'] },
    );
    sim.advanceSync(1000);
    expect(calls).toEqual([Array.from({ length: 10 }, (_, i) => `r${i}`), ['r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']]);
    expect(esm.totals()).toMatchObject({ recordsProcessed: 10, errors: 1, retries: 1 });
  });

  it('keeps order per partition key with ParallelizationFactor 4 while running lanes concurrently', () => {
    const sim = activeStream(1);
    put(sim, Array.from({ length: 200 }, (_, i) => `${i % 8}:${i}`), (i) => `key${i % 8}`);
    const seen = new Map<string, number[]>();
    const starts: number[] = [];
    const esm = mapping(
      sim,
      (e) => {
        starts.push(sim.now());
        for (const r of e.Records) {
          const [k, i] = text(r).split(':');
          seen.set(k, [...(seen.get(k) ?? []), Number(i)]);
        }
      },
      { ParallelizationFactor: 4, BatchSize: 10 },
    );
    sim.advanceSync(10000);
    expect(esm.totals().recordsProcessed).toBe(200);
    for (const [k, list] of seen) expect(list).toEqual(Array.from({ length: 25 }, (_, j) => Number(k) + 8 * j));
    const concurrent = starts.filter((t) => t === starts[0]).length;
    expect(concurrent).toBeGreaterThan(1);
  });

  it('carries state through a tumbling window and marks the final invoke', () => {
    const sim = activeStream(1);
    every(sim, 1000, 25, () => put(sim, ['x']));
    const finals: Array<{ n: number; start: string }> = [];
    mapping(
      sim,
      (e) => {
        const n = (e.state?.n ?? 0) + e.Records.length;
        if (e.isFinalInvokeForWindow) finals.push({ n, start: e.window!.start });
        return { state: { n } };
      },
      { TumblingWindowInSeconds: 10 },
    );
    sim.advanceSync(40000);
    // Records arrive once a second from 00:01:00; windows are [00:01:00, 00:01:10), ...: 10, 10, then 5.
    expect(finals).toEqual([
      { n: 10, start: '2026-01-01T00:01:00.000Z' },
      { n: 10, start: '2026-01-01T00:01:10.000Z' },
      { n: 5, start: '2026-01-01T00:01:20.000Z' },
    ]);
  });

  it('validates parameters against Lambda\'s ranges', () => {
    const sim = activeStream(1);
    sim.lambda.createFunction({ FunctionName: 'fn', handler: () => null });
    const mk = (x: Partial<EventSourceMappingInput>) => () => new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'fn', EventSourceArn: 's', StartingPosition: 'LATEST', ...x }, { uuid: 'u' });
    expect(mk({ BatchSize: 10001 })).toThrow('BatchSize must be between 1 and 10000');
    expect(mk({ ParallelizationFactor: 11 })).toThrow('ParallelizationFactor must be between 1 and 10');
    expect(mk({ MaximumRecordAgeInSeconds: 30 })).toThrow('MaximumRecordAgeInSeconds must be -1 or between 60 and 604800');
    expect(mk({ MaximumBatchingWindowInSeconds: 301 })).toThrow('MaximumBatchingWindowInSeconds must be between 0 and 300');
    expect(mk({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: sim.now() + 1 })).toThrow('cannot be in the future');
  });
});

describe('EventSourceMapping in bulk mode (count-only events, coarse steps)', () => {
  function bulk(errorRate: number, extra: Partial<EventSourceMappingInput> = {}) {
    const sim = activeStream(1);
    expect(putN(sim, 's', 1000, () => 'k').filter((x) => x === 'throttled')).toEqual([]);
    sim.lambda.createFunction({ FunctionName: 'count', handler: () => null, durationMs: 200, errorRate });
    const esm = new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'count', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON', materialiseRecords: false, ...extra }, { uuid: 'b', stepMs: 10000 });
    esm.start();
    sim.advanceSync(10000); // steps at 0 (1 poll, exact) and 10000 (10 polls, bulk)
    return { sim, esm };
  }

  it('runs a step\'s batches back to back without an event per invocation, counting Lambda metrics', () => {
    const { sim, esm } = bulk(0);
    expect(esm.totals()).toMatchObject({ invocations: 10, recordsProcessed: 1000, errors: 0 });
    expect(sim.lambda.metrics('count')!.totals.Invocations).toBe(10);
  });

  it('applies retries and the on-failure destination in bulk too', () => {
    const { esm } = bulk(1, { MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: 'dlq' } } });
    // The exact first step sends batch 1 (fails at 200 ms, retried twice by 600 ms); the bulk step handles the other 9 x 3 attempts.
    expect(esm.totals()).toMatchObject({ invocations: 30, errors: 30, recordsProcessed: 0, recordsDiscarded: 1000 });
    expect(esm.onFailure.map((b) => b.KinesisBatchInfo.batchSize)).toEqual(Array(10).fill(100));
  });

  it('names each discarded batch by its last attempt\'s request id, drawn from the Lambda counter in bulk too', () => {
    const { sim, esm } = bulk(1, { MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: 'dlq' } } });
    // One counter value per invocation, exact or bulk: batch k's third attempt is the (3k)th request.
    expect(sim.lambda.context.requestCounter).toBe(30);
    expect(esm.onFailure.map((b) => b.requestContext.requestId)).toEqual(Array.from({ length: 10 }, (_, k) => requestIdOf(3 * (k + 1))));
    // A bulk attempt keeps only the counter value; the id written out is the one an invoke call gets.
    expect([1, 30, 70000, 4294967295].map(requestIdOf)).toEqual(['3b230fe8-0000-4001-a0fe-000000000001', '567a9ecd-0000-401e-a9ec-00000000001e', 'acef6603-0001-4170-a660-000000011170', 'b9055b42-ffff-4fff-a5b4-0000ffffffff']);
  });
});
