import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';
import { ROLE, utf8 } from './helpers';
import type { Simulation, SimulationOptions } from '../../../src/engine/simulation';

function world(shards: number, opts: SimulationOptions = {}, sizeMiB = 1): Simulation {
  const { sim, arn } = activeStream(shards, 'src', opts);
  sim.s3.createBucket({ Bucket: 'out' });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'fh', DeliveryStreamType: 'KinesisStreamAsSource',
    KinesisStreamSourceConfiguration: { KinesisStreamARN: arn, RoleARN: ROLE },
    ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::out', BufferingHints: { SizeInMBs: sizeMiB, IntervalInSeconds: 60 } },
  });
  sim.advanceSync(5000);
  return sim;
}

function device(sim: Simulation, rate: number, size = 100): void {
  sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: rate }, keys: { name: 'device_id', count: 50 }, record: { sizeBytes: size }, mode: 'bulk' });
}

function objects(sim: Simulation): Uint8Array[] {
  return (sim.s3.listObjectsV2({ Bucket: 'out' }).Contents ?? []).map((c) => sim.s3.getObject({ Bucket: 'out', Key: c.Key }).Body);
}

function histogram(parts: readonly Uint8Array[]): number[] {
  const h = new Array<number>(256).fill(0);
  for (const p of parts) for (const b of p) h[b]++;
  return h;
}

describe('Kinesis stream as source, bulk segments', () => {
  it('reads segments by counts once a second per shard and delivers the very bytes the shard holds', () => {
    const sim = world(1);
    device(sim, 500);
    sim.advanceSync(120000);
    const shard = sim.kinesisContext.streams.get('src')!.shards[0];
    expect(shard.store.blocks.map((b) => b.kind)).toEqual(['segment']);
    // The producer wrote 500 records/s; each poll runs before that second's write, so Firehose is one tick behind.
    expect(shard.counters.incomingRecords).toBe(60000);
    const acc = sim.firehose.accounting('fh');
    expect(acc.accepted).toBe(59500);
    // 1 MiB objects of 87-byte payloads (100 bytes less the 13-byte key "device-0000xx"): 12,052 records each.
    expect(acc.objects).toBe(4);
    expect(acc.delivered).toBe(4 * 12053);
    expect(acc.accepted).toBe(acc.delivered + acc.buffered);
    expect(shard.counters.readCalls).toBe(120);
    const bodies = objects(sim);
    expect(bodies.map((b) => b.length)).toEqual([1048611, 1048611, 1048611, 1048611]);
    // One lane on one shard: the objects are the shard's records in order, materialised on read.
    const expected = new Uint8Array(4 * 1048611);
    let o = 0;
    for (let i = 0; o < expected.length; i++) {
      const d = shard.store.read(i).data;
      expected.set(d, o);
      o += d.length;
    }
    expect(Buffer.from(bodies.flatMap((b) => [...b])).equals(Buffer.from(expected))).toBe(true);
    expect(sim.firehose.metrics('fh').total('DataReadFromKinesisStream.Records')).toBe(59500);
    expect(sim.firehose.metrics('fh').total('DataReadFromKinesisStream.Bytes')).toBe(59500 * 100);
    expect(sim.firehose.metrics('fh').total('IncomingBytes')).toBe(59500 * 87);
  });

  it('reads two producers on one shard as two lanes and delivers every record once, byte for byte in total', () => {
    const sim = world(1);
    device(sim, 300);
    sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: 130 }, keys: { name: 'server_id', count: 5 }, record: { sizeBytes: 60 }, mode: 'bulk' });
    sim.advanceSync(100000);
    const shard = sim.kinesisContext.streams.get('src')!.shards[0];
    const read = shard.store.nextIndex;
    expect(read).toBe(43000);
    sim.traffic.removeProducer(sim.traffic.listProducers()[0].id);
    sim.traffic.removeProducer(sim.traffic.listProducers()[0].id);
    sim.advanceSync(70000); // the last poll, then the 60 s interval flush
    const acc = sim.firehose.accounting('fh');
    expect(acc).toMatchObject({ accepted: 43000, delivered: 43000, buffered: 0 });
    const all: Uint8Array[] = [];
    for (let i = 0; i < read; i++) all.push(shard.store.read(i).data);
    const bodies = objects(sim);
    expect(bodies.reduce((n, b) => n + b.length, 0)).toBe(30000 * 87 + 13000 * 50);
    expect(histogram(bodies)).toEqual(histogram(all));
  });

  it('steps coarsely through the shared read budget and still reads records put through the API exactly', () => {
    const sim = world(2, { kinesisSourceBulkStepMs: 10000 });
    device(sim, 400);
    sim.advanceSync(1000); // the poll at +1 s runs before the first write; the one at +2 s sees segments and steps every 10 s from then on
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'device-000001', Data: utf8('exact-record') });
    sim.advanceSync(30000);
    const s = sim.kinesisContext.streams.get('src')!;
    const calls = s.shards.map((sh) => sh.counters.readCalls);
    // Polls at +1 s and +2 s, then steps at +12 s and +22 s standing for 10 calls each, per shard.
    expect(calls).toEqual([22, 22]);
    // Everything written up to +21 s (21 ticks of 400 records) and the exact record.
    expect(sim.firehose.accounting('fh').accepted).toBe(400 * 21 + 1);
    sim.advanceSync(60000);
    const text = new TextDecoder().decode(Uint8Array.from(objects(sim).flatMap((b) => [...b])));
    expect(text.split('exact-record').length).toBe(2);
  });

  it('materialises a lane whose keys vary in length (log levels) and still counts the others', () => {
    const sim = world(1);
    device(sim, 100);
    sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: 50 }, keys: { name: 'log_level' }, record: { sizeBytes: 80 }, mode: 'bulk' });
    sim.advanceSync(20000);
    for (const p of sim.traffic.listProducers()) sim.traffic.removeProducer(p.id);
    sim.advanceSync(70000);
    const shard = sim.kinesisContext.streams.get('src')!.shards[0];
    expect(shard.store.nextIndex).toBe(3000);
    expect(sim.firehose.accounting('fh')).toMatchObject({ accepted: 3000, delivered: 3000, buffered: 0 });
    const all: Uint8Array[] = [];
    for (let i = 0; i < 3000; i++) all.push(shard.store.read(i).data);
    const bodies = objects(sim);
    // Log-level payloads are 80 bytes less a 4- or 5-byte key: summed exactly from the records themselves.
    expect(bodies.reduce((n, b) => n + b.length, 0)).toBe(all.reduce((n, d) => n + d.length, 0));
    expect(histogram(bodies)).toEqual(histogram(all));
  });
});
