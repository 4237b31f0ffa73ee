/**
 * A Flink source table that reads with enhanced fan-out ('source.reader.type'
 * = 'EFO' or the legacy 'scan.stream.recordpublisher' = 'EFO'): the job
 * registers its consumer (ListStreamConsumers shows it), reads each shard at
 * its own 2 MiB/s without taking the shard's shared read limits, and
 * deregisters the consumer at a graceful stop.
 */
import { describe, it, expect } from 'vitest';
import { KinesisClient, ListStreamConsumersCommand } from '@aws-sdk/client-kinesis';
import { simRequestHandler, sdkTestConfig } from '../kinesis/sdkHandler';
import type { Simulation } from '../../../src/engine';
import { enc, put, ROLE, runApp, streamArn, T0, world } from './helpers';

const table = (opts: string) => `CREATE TABLE src (ticker VARCHAR(8)) WITH ('connector' = 'kinesis', 'stream' = 'src'${opts});
CREATE TABLE sink (ticker VARCHAR(8)) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT ticker FROM src;`;
const EFO = table(", 'source.reader.type' = 'EFO', 'source.efo.consumer.name' = 'flink-efo'");
const POLLING = table('');

async function consumers(sim: Simulation): Promise<Array<[string, string]>> {
  const client = new KinesisClient({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
  const r = await client.send(new ListStreamConsumersCommand({ StreamARN: streamArn('src') }));
  return (r.Consumers ?? []).map((c) => [c.ConsumerName!, c.ConsumerStatus!]);
}

/** A busy shard: the application plus another reader polling 4 times a second; 20 records every 100 ms for 10 s. */
async function busy(code: string) {
  const sim = await world(1, 7, T0 - 120000);
  await runApp(sim, 'app', code, { runtime: 'FLINK-1_20' });
  await sim.advance(6000); // the EFO consumer is CREATING for 5 s, then ACTIVE
  sim.traffic.addConsumer({ type: 'polling', name: 'other', streamName: 'src', intervalMs: 250 });
  for (let i = 0; i < 100; i++) {
    for (let k = 0; k < 20; k++) put(sim, { ticker: `T${k}` }, `k${k}`);
    await sim.advance(100);
  }
  await sim.advance(3000);
  const shard = sim.kinesisContext.streams.get('src')!.shards[0];
  return { sim, shardThrottles: shard.counters.readThrottledCalls, view: sim.analytics.view('app') };
}

describe('enhanced fan-out source', () => {
  it('on a busy shard, 200 ms polling is throttled and EFO is not: it reads every record on its own limits', async () => {
    const polling = await busy(POLLING);
    expect(polling.view.counters.readThrottles).toBeGreaterThan(5);
    expect(polling.shardThrottles).toBeGreaterThan(10);
    const efo = await busy(EFO);
    expect(efo.view.counters.readThrottles).toBe(0);
    expect(efo.shardThrottles).toBe(0); // the other reader's 4 calls a second are within the shard's 5
    expect(efo.view.counters.numRecordsIn).toBe(2000);
    expect(efo.view.counters.numRecordsOut).toBe(2000);
  });

  it('registers its consumer as the job starts (ListStreamConsumers), reads once ACTIVE, deregisters at a graceful stop', async () => {
    const sim = await world(1, 7, T0 - 120000);
    sim.analytics.createApplication({ ApplicationName: 'app', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: EFO } } } });
    sim.analytics.startApplication({ ApplicationName: 'app' });
    expect(await consumers(sim)).toEqual([]); // STARTING: the job is not running yet
    await sim.advance(30000);
    expect(await consumers(sim)).toEqual([['flink-efo', 'CREATING']]);
    put(sim, { ticker: 'A' });
    await sim.advance(4000);
    expect(sim.analytics.view('app').counters.numRecordsIn).toBe(0); // waiting for ACTIVE
    await sim.advance(1400);
    expect(await consumers(sim)).toEqual([['flink-efo', 'ACTIVE']]);
    expect(sim.analytics.view('app').counters.numRecordsIn).toBe(1);
    sim.analytics.stopApplication({ ApplicationName: 'app' });
    expect(await consumers(sim)).toEqual([['flink-efo', 'DELETING']]);
    await sim.advance(5000);
    expect(await consumers(sim)).toEqual([]);
  });

  it('a forced stop leaves the consumer registered and the next start reuses it (same ARN)', async () => {
    const sim = await world(1, 7, T0 - 120000);
    await runApp(sim, 'app', EFO, { runtime: 'FLINK-1_20' });
    await sim.advance(6000);
    const arn = sim.kinesis.describeStreamConsumer({ StreamARN: streamArn('src'), ConsumerName: 'flink-efo' }).ConsumerDescription.ConsumerARN;
    sim.analytics.stopApplication({ ApplicationName: 'app', Force: true });
    await sim.advance(10000);
    expect(await consumers(sim)).toEqual([['flink-efo', 'ACTIVE']]);
    sim.analytics.startApplication({ ApplicationName: 'app' });
    await sim.advance(30000);
    put(sim, { ticker: 'B' });
    await sim.advance(400);
    expect(sim.kinesis.listStreamConsumers({ StreamARN: streamArn('src') }).Consumers!.map((c) => c.ConsumerARN)).toEqual([arn]);
    expect(sim.analytics.view('app').counters.numRecordsIn).toBe(1); // ACTIVE already: no wait
  });

  it('pushes at most 2 MiB a second per shard, however busy the shared limits are', async () => {
    const sim = await world(1, 7, T0 - 120000);
    const code = table(", 'scan.stream.recordpublisher' = 'EFO', 'scan.stream.efo.consumername' = 'legacy-efo', 'scan.stream.initpos' = 'TRIM_HORIZON'");
    // A backlog of 8,000 records of 1,024 bytes (plus a 1-byte key): about 7.8 MiB.
    const data = enc(JSON.stringify({ ticker: 'X', pad: 'p'.repeat(1024 - 23) }));
    expect(data.length).toBe(1024);
    for (let i = 0; i < 8; i++) {
      sim.kinesis.putRecords({ StreamName: 'src', Records: Array.from({ length: 500 }, () => ({ Data: data, PartitionKey: 'k' })) });
      sim.kinesis.putRecords({ StreamName: 'src', Records: Array.from({ length: 500 }, () => ({ Data: data, PartitionKey: 'k' })) });
      await sim.advance(1000);
    }
    await runApp(sim, 'app', code, { runtime: 'FLINK-1_20' });
    sim.traffic.addConsumer({ type: 'polling', name: 'other', streamName: 'src', intervalMs: 200, initialPosition: 'TRIM_HORIZON' });
    await sim.advance(4800); // CREATING
    const efo = () => sim.analyticsContext.apps.get('app')!.run!.sources[0].efo!;
    expect(efo().waiting).toBe('consumer CREATING');
    await sim.advance(400); // ACTIVE: the subscription opens with an empty bucket
    const before = efo().bytes;
    await sim.advance(2000);
    const pushed = efo().bytes - before;
    // Two seconds at 2 MiB/s, in whole 1,025-byte records.
    expect(pushed).toBeLessThanOrEqual(2 * 2 * 1048576);
    expect(pushed).toBeGreaterThan(2 * 2 * 1048576 - 2 * 1025);
    expect(pushed % 1025).toBe(0);
    expect(efo().subscriptions).toBe(1);
    expect(sim.analytics.view('app').counters.readThrottles).toBe(0);
  });

  it('a self-managed consumer must exist: the source waits until someone registers it', async () => {
    const sim = await world(1, 7, T0 - 120000);
    await runApp(sim, 'app', table(", 'source.reader.type' = 'EFO', 'source.efo.consumer.name' = 'mine', 'source.efo.lifecycle' = 'SELF_MANAGED'"), { runtime: 'FLINK-1_20' });
    put(sim, { ticker: 'A' });
    await sim.advance(3000);
    expect(await consumers(sim)).toEqual([]);
    expect(sim.analytics.view('app').counters.numRecordsIn).toBe(0);
    sim.kinesis.registerStreamConsumer({ StreamARN: streamArn('src'), ConsumerName: 'mine' });
    await sim.advance(5400);
    expect(sim.analytics.view('app').counters.numRecordsIn).toBe(1);
    sim.analytics.stopApplication({ ApplicationName: 'app' });
    expect(await consumers(sim)).toEqual([['mine', 'ACTIVE']]); // not the job's to deregister
  });

  it('refuses an EFO table without a consumer name, located at its CREATE TABLE', () => {
    return world(1).then((sim) => {
      expect(() => sim.analytics.createApplication({ ApplicationName: 'bad', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: table(", 'source.reader.type' = 'EFO'") } } } }))
        .toThrow("line 1, column 1: table SRC reads with EFO: set 'source.efo.consumer.name' (or 'scan.stream.efo.consumername' for the legacy connector)");
      expect(sim.analytics.checkCode(table(", 'source.reader.type' = 'EFO', 'source.efo.consumer.name' = 'x', 'source.efo.lifecycle' = 'LAZY'"), 'flink')?.message).toBe("'source.efo.lifecycle' must be JOB_MANAGED or SELF_MANAGED, not 'LAZY'");
    });
  });
});
