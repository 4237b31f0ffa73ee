/**
 * The event source mapping's failure handling where AWS documents it exactly:
 * ReportBatchItemFailures with BisectBatchOnFunctionError, and the document
 * Lambda sends to an SQS or SNS on-failure destination [LDG
 * services-kinesis-batchfailurereporting; kinesis-on-failure-destination].
 */
import { describe, it, expect } from 'vitest';
import { EventSourceMapping } from '../../../../src/engine/traffic/consumers/lambdaEsm/eventSourceMapping';
import type { EventSourceMappingInput } from '../../../../src/engine/traffic/consumers/lambdaEsm/esmConfig';
import { decodeUtf8, encodeUtf8 } from '../../../../src/engine/core/utf8';
import { fromBase64 } from '../../../../src/engine/core/base64';
import type { Simulation } from '../../../../src/engine/simulation';
import { activeStream } from './helpers';

type Rec = { kinesis: { data: string; sequenceNumber: string } };
type Ev = { Records: Rec[] };
const text = (r: Rec) => decodeUtf8(fromBase64(r.kinesis.data)!);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;

function put(sim: Simulation, data: string[]) {
  sim.kinesis.putRecords({ StreamName: 's', Records: data.map((d) => ({ Data: encodeUtf8(d), PartitionKey: 'k' })) });
}

function mapping(sim: Simulation, handler: (e: Ev) => unknown, input: Partial<EventSourceMappingInput>) {
  sim.lambda.createFunction({ FunctionName: 'fn', handler: (e) => handler(e as Ev), durationMs: 100 });
  const esm = new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'fn', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON', ...input }, { uuid: 'esm-1' });
  esm.start();
  return esm;
}

const DLQ = { DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:dlq' } } };

describe('ReportBatchItemFailures with BisectBatchOnFunctionError', () => {
  it('retries only the records from the reported sequence number on, in one batch, without using a retry', async () => {
    const sim = activeStream(1);
    put(sim, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const calls: string[] = [];
    let first = true;
    const esm = mapping(
      sim,
      (e) => {
        calls.push(e.Records.map(text).join(''));
        const bad = e.Records.find((r) => text(r) === 'e');
        if (first && bad !== undefined) {
          first = false;
          return { batchItemFailures: [{ itemIdentifier: bad.kinesis.sequenceNumber }] };
        }
        return { batchItemFailures: [] };
      },
      { BatchSize: 8, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 2 },
    );
    await sim.advance(3000);
    expect(calls).toEqual(['abcdefgh', 'efgh']);
    expect(esm.totals()).toMatchObject({ invocations: 2, errors: 1, retries: 0, recordsProcessed: 8, recordsDiscarded: 0 });
  });

  it('still halves a batch whose invocation failed, whatever ReportBatchItemFailures says', async () => {
    const sim = activeStream(1);
    put(sim, ['a', 'b', 'c', 'd']);
    const calls: string[] = [];
    mapping(
      sim,
      (e) => {
        const batch = e.Records.map(text);
        calls.push(batch.join(''));
        if (batch.includes('d')) throw new Error('bad record');
      },
      { BatchSize: 4, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 0 },
    );
    await sim.advance(3000);
    expect(calls).toEqual(['abcd', 'ab', 'cd', 'c', 'd']);
  });

  it('retries a remainder that keeps failing at its first record as ordinary retries, then discards it', async () => {
    const sim = activeStream(1);
    put(sim, ['a', 'b', 'c', 'd']);
    const calls: string[] = [];
    const esm = mapping(
      sim,
      (e) => {
        calls.push(e.Records.map(text).join(''));
        const bad = e.Records.find((r) => text(r) === 'c');
        return { batchItemFailures: bad === undefined ? [] : [{ itemIdentifier: bad.kinesis.sequenceNumber }] };
      },
      { BatchSize: 4, BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 1, ...DLQ },
    );
    await sim.advance(3000);
    expect(calls).toEqual(['abcd', 'cd', 'cd']);
    expect(esm.totals()).toMatchObject({ retries: 1, recordsProcessed: 2, recordsDiscarded: 2 });
    expect(esm.onFailure.map((r) => [r.requestContext.condition, r.requestContext.approximateInvokeCount, r.KinesisBatchInfo.batchSize])).toEqual([['RetryAttemptsExhausted', 3, 2]]);
    // The function returned normally each time: no functionError.
    expect(esm.onFailure[0].responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
  });
});

describe('the on-failure destination record', () => {
  it("has Lambda's full shape: requestContext, responseContext, version, timestamp and KinesisBatchInfo", async () => {
    const sim = activeStream(1);
    put(sim, ['POISON']);
    const esm = mapping(sim, () => { throw new Error('cannot parse'); }, { MaximumRetryAttempts: 2, ...DLQ });
    await sim.advance(3000);
    expect(esm.onFailure).toHaveLength(1);
    const rec = esm.onFailure[0];
    const seq = rec.KinesisBatchInfo.startSequenceNumber;
    expect(rec).toEqual({
      requestContext: {
        requestId: rec.requestContext.requestId,
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 3,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      // Three attempts of 100 ms from the first poll at 00:01:00: discarded when the third completes.
      timestamp: '2026-01-01T00:01:00.300Z',
      KinesisBatchInfo: {
        shardId: 'shardId-000000000000',
        startSequenceNumber: seq,
        endSequenceNumber: seq,
        approximateArrivalOfFirstRecord: '2026-01-01T00:01:00.000Z',
        approximateArrivalOfLastRecord: '2026-01-01T00:01:00.000Z',
        batchSize: 1,
        streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
      },
    });
    expect(rec.requestContext.requestId).toMatch(UUID);
  });

  it('says RecordAgeExceeded when the batch outlived MaximumRecordAgeInSeconds', async () => {
    const sim = activeStream(1);
    put(sim, ['POISON']);
    const esm = mapping(sim, () => { throw new Error('bad'); }, { MaximumRecordAgeInSeconds: 60, ...DLQ });
    await sim.advance(62000);
    expect(esm.onFailure.map((r) => [r.requestContext.condition, r.requestContext.approximateInvokeCount])).toEqual([['RecordAgeExceeded', 601]]);
  });
});
