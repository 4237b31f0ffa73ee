/**
 * Issue 14's endpoint figure, printed, not asserted: PutRecords calls of 500
 * x 100-byte records from one client over loopback HTTP (Node's http client
 * with keep-alive, one request at a time; and @aws-sdk/client-kinesis over its
 * default HTTP/2 handler), beside the same bodies through `sim.handleHttp` in
 * process and the yardstick (spark-md5 hashes/s of the same short keys, this run).
 */
import { request, Agent } from 'node:http';
import SparkMD5 from 'spark-md5';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { SimHost, emptyScenario } from '../../src/server/simHost';
import { startEndpoint } from '../../src/server/endpoint';
import { report } from './format';

const BATCH = 500;
const SHARDS = 100;
const CALLS = 400;
/** One simulated second per this many calls: 100 x 500 = 50,000 records/s, half of 100 shards' limit. */
const CALLS_PER_SECOND = 100;

function keysOf(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `device-${i % 10000}`);
}

function bodies(keys: string[]): string[] {
  const data = Buffer.alloc(100, 120).toString('base64');
  const out: string[] = [];
  for (let c = 0; c < CALLS; c++) {
    const Records = [];
    for (let j = 0; j < BATCH; j++) Records.push({ Data: data, PartitionKey: keys[c * BATCH + j] });
    out.push(JSON.stringify({ StreamName: 'bench', Records }));
  }
  return out;
}

async function freshHost(): Promise<SimHost> {
  const host = new SimHost({ scenario: emptyScenario(Date.UTC(2026, 0, 1)), paused: true });
  host.world.sim.kinesis.createStream({ StreamName: 'bench', ShardCount: SHARDS });
  await host.advance(60_000);
  return host;
}

const headers = { 'x-amz-target': 'Kinesis_20131202.PutRecords', 'content-type': 'application/x-amz-json-1.1' };

function post(port: number, agent: Agent, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve((JSON.parse(Buffer.concat(parts).toString('utf8')) as { FailedRecordCount: number }).FailedRecordCount));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Best of `runs` (other processes only ever slow a run down). */
async function best(runs: number, measure: () => Promise<{ seconds: number; failed: number }>): Promise<{ seconds: number; failed: number }> {
  let top = { seconds: Infinity, failed: 0 };
  for (let i = 0; i < runs; i++) {
    const r = await measure();
    if (r.seconds < top.seconds) top = r;
  }
  return top;
}

export async function run(): Promise<void> {
  const keys = keysOf(CALLS * BATCH);
  const all = bodies(keys);
  let sink = 0;
  const md5 = await best(3, async () => {
    const t0 = performance.now();
    for (const k of keys) sink += SparkMD5.hash(k).charCodeAt(0);
    return { seconds: (performance.now() - t0) / 1000, failed: 0 };
  });
  const md5PerS = keys.length / md5.seconds;

  const inProcess = await best(3, async () => {
    const host = await freshHost();
    let failed = 0;
    const t0 = performance.now();
    for (let c = 0; c < CALLS; c++) {
      const r = await host.handle({ method: 'POST', path: '/', headers, body: all[c] });
      failed += (JSON.parse(r.body as string) as { FailedRecordCount: number }).FailedRecordCount;
      if (c % CALLS_PER_SECOND === CALLS_PER_SECOND - 1) await host.advance(1000);
    }
    return { seconds: (performance.now() - t0) / 1000, failed };
  });

  const overHttp = await best(3, async () => {
    const host = await freshHost();
    const ep = await startEndpoint(host, { port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    let failed = 0;
    const t0 = performance.now();
    for (let c = 0; c < CALLS; c++) {
      failed += await post(ep.port, agent, all[c]);
      if (c % CALLS_PER_SECOND === CALLS_PER_SECOND - 1) await host.advance(1000);
    }
    const seconds = (performance.now() - t0) / 1000;
    agent.destroy();
    await ep.close();
    return { seconds, failed };
  });

  const entries = all.map((b) => (JSON.parse(b) as { Records: Array<{ Data: string; PartitionKey: string }> }).Records.map((r) => ({ Data: Buffer.from(r.Data, 'base64'), PartitionKey: r.PartitionKey })));
  const overSdk = await best(3, async () => {
    const host = await freshHost();
    const ep = await startEndpoint(host, { port: 0 });
    const client = new KinesisClient({ endpoint: ep.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' }, maxAttempts: 1 });
    let failed = 0;
    const t0 = performance.now();
    for (let c = 0; c < CALLS; c++) {
      failed += (await client.send(new PutRecordsCommand({ StreamName: 'bench', Records: entries[c] }))).FailedRecordCount ?? 0;
      if (c % CALLS_PER_SECOND === CALLS_PER_SECOND - 1) await host.advance(1000);
    }
    const seconds = (performance.now() - t0) / 1000;
    client.destroy();
    await ep.close();
    return { seconds, failed };
  });

  for (const [name, r] of [
    ['endpoint-putrecords-in-process', inProcess],
    ['endpoint-putrecords-http1', overHttp],
    ['endpoint-putrecords-sdk-h2', overSdk],
  ] as const) {
    const recordsPerS = (CALLS * BATCH) / r.seconds;
    report(name, {
      calls: CALLS,
      records_per_call: BATCH,
      requests_per_s: Math.round(CALLS / r.seconds),
      records_per_s: Math.round(recordsPerS),
      md5_only_per_s: Math.round(md5PerS),
      ratio: recordsPerS / md5PerS,
      vs_in_process: recordsPerS / ((CALLS * BATCH) / inProcess.seconds),
      failed: r.failed,
      sink: sink % 10,
    });
  }
}
