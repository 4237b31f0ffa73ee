import { describe, it, expect } from 'vitest';
import { simWithStream, keys, text, ROLE, T0 } from '../../firehose/helpers';
import { activeStream } from '../../kinesis/streamFixture';
import type { Simulation } from '../../../../src/engine/simulation';

const firehose = (deliveryStreamName: string) => ({ kind: 'firehose' as const, deliveryStreamName });

function body(sim: Simulation, key: string, bucket = 'bucket'): string {
  return text(sim.s3.getObject({ Bucket: bucket, Key: key }).Body);
}

describe('firehoseTarget', () => {
  it('writes exact records with PutRecordBatch and delivers them under the default UTC prefix', () => {
    const sim = simWithStream('clicks', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    const info = sim.traffic.addProducer({ target: firehose('clicks'), rate: { kind: 'constant', recordsPerSecond: 5 }, keys: { name: 'device_id', count: 10 }, record: { sizeBytes: 50 }, mode: 'exact' });
    expect(info.config.streamName).toBe('clicks');
    sim.advanceSync(61000);
    // One PutRecordBatch of 5 records a second, from T0+1 s; the buffer opened then and flushed 60 s later with 60 calls' records.
    const p = sim.traffic.listProducers()[0];
    expect(p.counts).toEqual({ sent: 305, throttled: 0, retried: 0, dropped: 0, kinesisRecords: 305, bytes: 15250, calls: 61 });
    expect(sim.firehose.accounting('clicks')).toMatchObject({ accepted: 305, delivered: 300, buffered: 5, objects: 1 });
    const k = keys(sim);
    expect(k).toHaveLength(1);
    expect(k[0]).toMatch(/^2026\/01\/01\/00\/clicks-1-2026-01-01-00-01-01-[0-9a-f-]{36}$/);
    const b = body(sim, k[0]);
    expect(b.length).toBe(300 * 50);
    // Every record is exactly sizeBytes of data (no partition key travels to Firehose), stamped with its send time.
    for (let i = 0; i < 300; i++) expect(b.slice(i * 50, i * 50 + 22)).toBe('{"device_id":"device-0');
    expect(b.slice(0, 50)).toMatch(/^\{"device_id":"device-0000\d\d","ts":"2026-01-01T00:0$/);
    expect(sim.firehose.metrics('clicks').total('IncomingPutRequests')).toBe(61);
  });

  it('writes bulk segments: exact object count, keys and sizes for a 60 s buffer', () => {
    const sim = simWithStream('orders', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    sim.traffic.addProducer({ target: firehose('orders'), rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'device_id', count: 10 }, record: { sizeBytes: 100 }, mode: 'bulk' });
    sim.advanceSync(125000);
    expect(sim.traffic.listProducers()[0].counts).toEqual({ sent: 12500, throttled: 0, retried: 0, dropped: 0, kinesisRecords: 12500, bytes: 1250000, calls: 125 });
    expect(sim.firehose.accounting('orders')).toMatchObject({ accepted: 12500, delivered: 12000, buffered: 500, objects: 2 });
    const k = keys(sim);
    expect(k.map((x) => x.slice(0, 43))).toEqual(['2026/01/01/00/orders-1-2026-01-01-00-01-01-', '2026/01/01/00/orders-1-2026-01-01-00-02-01-']);
    // 60 ticks of 100 records of 100 bytes in each object; the template's clock is the second the records were made.
    const first = body(sim, k[0]), second = body(sim, k[1]);
    expect([first.length, second.length]).toEqual([600000, 600000]);
    expect(first.slice(0, 60)).toMatch(/^\{"device_id":"device-0000\d\d","ts":"2026-01-01T00:00:00\.000Z"/);
    expect(second.slice(0, 60)).toMatch(/^\{"device_id":"device-0000\d\d","ts":"2026-01-01T00:01:00\.000Z"/);
    // Record 599 (bytes 59,900..59,999) was made in the sixth second; record 5,999 in the sixtieth.
    expect(first.slice(59900, 60000)).toMatch(/"ts":"2026-01-01T00:00:05\.000Z"/);
    expect(first.slice(599900)).toMatch(/"ts":"2026-01-01T00:00:59\.000Z"/);
    // The same seed gives the same bytes.
    const again = simWithStream('orders', { BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    again.traffic.addProducer({ target: firehose('orders'), rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'device_id', count: 10 }, record: { sizeBytes: 100 }, mode: 'bulk' });
    again.advanceSync(125000);
    expect(keys(again)).toEqual(k);
    expect(body(again, k[1])).toBe(second);
  });

  it('sends bulk records through PutRecordBatch when dynamic partitioning reads their bytes', async () => {
    const sim = simWithStream('logs', {
      Prefix: 'level=!{partitionKeyFromQuery:level}/', ErrorOutputPrefix: 'errors/',
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{level:.level}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] }] },
    });
    sim.traffic.addProducer({ target: firehose('logs'), rate: { kind: 'constant', recordsPerSecond: 50 }, keys: { name: 'log_level' }, record: { template: '{"level":"{{key}}","n":{{random.number(9)}}}' }, mode: 'bulk' });
    // jq (WebAssembly) loads asynchronously: sim.advance waits for it.
    await sim.advance(61000);
    const p = sim.traffic.listProducers()[0];
    expect(p.counts).toMatchObject({ sent: 3050, throttled: 0, dropped: 0, calls: 61 });
    // Each level's buffer flushes 60 s after its first record: stop writing and let the rarest (FATAL) flush too.
    sim.traffic.removeProducer(p.id);
    await sim.advance(60000);
    expect(sim.firehose.accounting('logs')).toMatchObject({ accepted: 3050, delivered: 3050, errored: 0, buffered: 0 });
    const prefixes = sim.s3.listObjectsV2({ Bucket: 'bucket', Delimiter: '/' }).CommonPrefixes!.map((c) => c.Prefix);
    expect(prefixes).toEqual(['level=DEBUG/', 'level=ERROR/', 'level=FATAL/', 'level=INFO/', 'level=WARN/']);
    for (const key of keys(sim)) {
      const level = key.slice(6, key.indexOf('/'));
      for (const line of body(sim, key).split('}').filter((x) => x.trim() !== '')) expect(line).toContain(`"level":"${level}"`);
    }
  });

  it('counts ServiceUnavailableException at the Direct PUT quota as throttled, retried, then dropped (bulk)', () => {
    // The API reference quota: 5,000 records/s [facts B1]; 6,000 records/s, one retry.
    const sim = simWithStream('d', {}, { firehoseQuotaSource: 'api-reference-2015' });
    sim.traffic.addProducer({ target: firehose('d'), rate: { kind: 'constant', recordsPerSecond: 6000 }, keys: { name: 'random' }, record: { sizeBytes: 100 }, maxRetries: 1 });
    const seen: Array<[number, number, number, number]> = [];
    for (let i = 0; i < 8; i++) {
      sim.advanceSync(1000);
      const c = sim.traffic.listProducers()[0].counts;
      seen.push([c.sent, c.throttled, c.retried, c.dropped]);
    }
    // Retries go first: the backlog grows by 1,000 a second until retries alone fill the quota (second 6);
    // from second 7 the 1,000 retries that fail again are dropped: the producer loses what exceeds the quota.
    expect(seen).toEqual([
      [5000, 1000, 0, 0],
      [10000, 3000, 1000, 0],
      [15000, 6000, 3000, 0],
      [20000, 10000, 6000, 0],
      [25000, 15000, 10000, 0],
      [30000, 21000, 15000, 0],
      [35000, 28000, 21000, 1000],
      [40000, 35000, 27000, 2000],
    ]);
    expect(sim.firehose.metrics('d').total('ThrottledRecords')).toBe(35000);
    expect(sim.firehose.accounting('d').accepted).toBe(40000);
  });

  it('counts per-entry ServiceUnavailableException from PutRecordBatch as throttled and retries them (exact)', () => {
    const sim = simWithStream('d', {}, { firehoseQuotaSource: 'api-reference-2015' });
    sim.traffic.addProducer({ target: firehose('d'), rate: { kind: 'constant', recordsPerSecond: 6000 }, keys: { name: 'random' }, record: { sizeBytes: 100 }, maxRetries: 1, mode: 'exact' });
    sim.advanceSync(1000);
    // 12 calls of 500: the first 5,000 entries fit the quota, the last 1,000 fail alone.
    expect(sim.traffic.listProducers()[0].counts).toEqual({ sent: 5000, throttled: 1000, retried: 0, dropped: 0, kinesisRecords: 5000, bytes: 500000, calls: 12 });
    sim.advanceSync(1000);
    // 7,000 sent again (the 1,000 retries first): 2,000 fail; the retried ones that fail again would be dropped, but they fit.
    expect(sim.traffic.listProducers()[0].counts).toEqual({ sent: 10000, throttled: 3000, retried: 1000, dropped: 0, kinesisRecords: 10000, bytes: 1000000, calls: 26 });
    expect(sim.firehose.metrics('d').total('ThrottledRecords')).toBe(3000);
  });

  it('is refused by a delivery stream with a Kinesis source, as AWS refuses Direct PUT there', () => {
    const { sim, arn } = activeStream(1, 'src');
    sim.s3.createBucket({ Bucket: 'out' });
    sim.firehose.createDeliveryStream({ DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE }, ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out' } });
    sim.advanceSync(5000);
    sim.traffic.addProducer({ target: firehose('fh'), rate: { kind: 'constant', recordsPerSecond: 5 }, keys: { name: 'random' }, mode: 'exact' });
    sim.traffic.addProducer({ target: firehose('fh'), rate: { kind: 'constant', recordsPerSecond: 500 }, keys: { name: 'random' }, mode: 'bulk' });
    sim.advanceSync(10000);
    const [exact, bulk] = sim.traffic.listProducers().map((p) => p.counts);
    expect(exact).toMatchObject({ sent: 0, throttled: 0, dropped: 50, calls: 10 });
    expect(bulk).toMatchObject({ sent: 0, throttled: 0, dropped: 5000 });
    expect(sim.firehose.accounting('fh').accepted).toBe(0);
    expect(() => sim.firehose.ingestSegment('fh', { start: sim.now(), end: sim.now(), runs: [{ recipe: { id: 'x', record: () => new Uint8Array(1) }, firstIndex: 0, count: 1, recordBytes: 1 }] })).toThrow(
      `This operation is not permitted on KinesisStreamAsSource type delivery stream fh under account 123456789012. (PutRecordBatch)`,
    );
  });

  it('refuses the KPL write path and a producer with neither stream nor target', () => {
    const sim = simWithStream('d');
    expect(() => sim.traffic.addProducer({ target: firehose('d'), rate: { kind: 'constant', recordsPerSecond: 1 }, keys: { name: 'random' }, writePath: 'KPL' })).toThrow('writePath KPL writes to Kinesis data streams only');
    expect(() => sim.traffic.addProducer({ rate: { kind: 'constant', recordsPerSecond: 1 }, keys: { name: 'random' } })).toThrow('a producer needs a streamName');
  });

  it('stops writing when removed and keeps Kinesis producers apart', () => {
    const sim = simWithStream('d');
    const p = sim.traffic.addProducer({ target: firehose('d'), rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'random' }, mode: 'bulk' });
    sim.advanceSync(3000);
    expect(sim.traffic.removeProducer(p.id)).toBe(true);
    sim.advanceSync(3000);
    expect(sim.firehose.accounting('d').accepted).toBe(300);
    expect(sim.now()).toBe(T0 + 6000);
  });
});
