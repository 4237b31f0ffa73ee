/**
 * KPL aggregates as each consumer sees them: the KCL hands its record
 * processor the user records with their subsequence numbers (since KCL
 * 1.4.0), a Lambda event source mapping hands the aggregate through
 * unchanged, and Firehose reading the stream de-aggregates [KDS developer
 * guide kinesis-kpl-consumer-deaggregation; Lambda with-kinesis; Firehose].
 */
import { describe, it, expect } from 'vitest';
import { KclApplication } from '../../../../src/engine/traffic/consumers/kcl/kclApplication';
import type { KclUserRecord } from '../../../../src/engine/traffic/consumers/kcl/kclUserRecords';
import { EventSourceMapping } from '../../../../src/engine/traffic/consumers/lambdaEsm/eventSourceMapping';
import { encodeAggregatedRecord, KPL_MAGIC } from '../../../../src/engine/kinesis/kplAggregation';
import { decodeUtf8, encodeUtf8 } from '../../../../src/engine/core/utf8';
import { fromBase64 } from '../../../../src/engine/core/base64';
import { activeStream } from './helpers';

const AGG = encodeAggregatedRecord([
  { partitionKey: 'user-1', data: encodeUtf8('first') },
  { partitionKey: 'user-2', explicitHashKey: '42', data: encodeUtf8('second') },
  { partitionKey: 'user-1', data: encodeUtf8('third') },
]);

describe('KPL aggregates at the consumers', () => {
  it('the KCL de-aggregates: the record processor gets three user records numbered 0, 1, 2 under the aggregate\'s sequence number', async () => {
    const sim = activeStream(1);
    const seq = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'agg-key', Data: AGG }).SequenceNumber;
    const plain = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'plain', Data: encodeUtf8('not aggregated') }).SequenceNumber;
    const got: KclUserRecord[] = [];
    const app = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 's', onRecords: (_id, recs) => void got.push(...recs) });
    app.addWorker('A');
    await sim.advance(5000);
    expect(got.map((r) => [r.SequenceNumber, r.SubSequenceNumber, r.PartitionKey, decodeUtf8(r.Data), r.Aggregated, r.ExplicitHashKey])).toEqual([
      [seq, 0, 'user-1', 'first', true, undefined],
      [seq, 1, 'user-2', 'second', true, '42'],
      [seq, 2, 'user-1', 'third', true, undefined],
      [plain, 0, 'plain', 'not aggregated', false, undefined],
    ]);
    // The shard holds two Kinesis records: the KCL counts what it read from the stream, not user records.
    expect(app.totals().records).toBe(2);
  });

  it('a Lambda event source mapping hands the aggregate through unchanged, magic bytes first', async () => {
    const sim = activeStream(1);
    const seq = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'agg-key', Data: AGG }).SequenceNumber;
    const seen: Array<{ kinesis: { data: string; sequenceNumber: string; partitionKey: string } }> = [];
    sim.lambda.createFunction({ FunctionName: 'fn', handler: (e) => void seen.push(...(e as { Records: typeof seen }).Records) });
    new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'fn', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON' }, { uuid: 'esm-1' }).start();
    await sim.advance(3000);
    expect(seen).toHaveLength(1);
    expect(seen[0].kinesis).toMatchObject({ sequenceNumber: seq, partitionKey: 'agg-key' });
    const data = fromBase64(seen[0].kinesis.data)!;
    expect([...data.subarray(0, 4)]).toEqual([...KPL_MAGIC]);
    expect(data).toEqual(AGG);
  });
});
