/** Shared set-up for the analytics tests: a world before the SQL retirement, a source stream, records at chosen times. */
import { createSimulation, type Simulation } from '../../../src/engine';

/** 2025-06-01T11:00:00Z: SQL applications can still be created. */
export const T0 = Date.UTC(2025, 5, 1, 11, 0, 0);
export const ROLE = 'arn:aws:iam::123456789012:role/kda';
export const enc = (s: string) => new TextEncoder().encode(s);
export const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** A world with an ACTIVE source stream `src` (shards) and sink stream `out`. */
export async function world(shards = 1, seed = 7, startTime = T0 - 60000): Promise<Simulation> {
  const sim = createSimulation({ seed, startTime });
  sim.kinesis.createStream({ StreamName: 'src', ShardCount: shards });
  sim.kinesis.createStream({ StreamName: 'out', ShardCount: 1 });
  await sim.advance(60000 - 1);
  return sim;
}

export const streamArn = (name: string) => `arn:aws:kinesis:us-east-1:123456789012:stream/${name}`;

/** Puts one JSON record now. */
export function put(sim: Simulation, obj: Record<string, unknown>, key = 'k'): void {
  sim.kinesis.putRecord({ StreamName: 'src', Data: enc(JSON.stringify(obj)), PartitionKey: key });
}

/** Every record in stream `name`, decoded, oldest first, across shards. */
export function readAll(sim: Simulation, name: string): string[] {
  const out: string[] = [];
  const shards = sim.kinesis.listShards({ StreamName: name }).Shards ?? [];
  for (const sh of shards) {
    let it = sim.kinesis.getShardIterator({ StreamName: name, ShardId: sh.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    for (let i = 0; i < 20 && it; i++) {
      const r = sim.kinesis.getRecords({ ShardIterator: it });
      for (const rec of r.Records) out.push(dec(rec.Data));
      if (r.Records.length === 0) break;
      it = r.NextShardIterator ?? "";
    }
  }
  return out;
}

/** Legacy SQL input on `src` with the given JSON columns. */
export function sqlInput(columns: Array<[string, string]>) {
  return {
    NamePrefix: 'SOURCE_SQL_STREAM',
    KinesisStreamsInput: { ResourceARN: streamArn('src') },
    InputSchema: {
      RecordFormat: { RecordFormatType: 'JSON' as const, MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
      RecordEncoding: 'UTF-8',
      RecordColumns: columns.map(([n, t]) => ({ Name: n, SqlType: t, Mapping: `$.${n.toLowerCase()}` })),
    },
  };
}

/** Creates and starts an application on `src` writing DESTINATION_SQL_STREAM (SQL) or its sink tables (Flink) to `out`; returns once RUNNING at a whole second. */
export async function runApp(sim: Simulation, name: string, code: string, opts: { runtime?: string; columns?: Array<[string, string]>; parallelism?: number; autoscale?: boolean } = {}): Promise<void> {
  const runtime = opts.runtime ?? 'SQL-1_0';
  const sql = runtime === 'SQL-1_0';
  sim.analytics.createApplication({
    ApplicationName: name, RuntimeEnvironment: runtime, ServiceExecutionRole: ROLE,
    ApplicationConfiguration: {
      ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: code } },
      ...(sql
        ? { SqlApplicationConfiguration: {
            Inputs: [sqlInput(opts.columns ?? [])],
            Outputs: [{ Name: 'DESTINATION_SQL_STREAM', KinesisStreamsOutput: { ResourceARN: streamArn('out') }, DestinationSchema: { RecordFormatType: 'JSON' } }],
          } }
        : { FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: opts.parallelism ?? 1, ParallelismPerKPU: 1, AutoScalingEnabled: opts.autoscale ?? false } } }),
    },
  });
  const rem = sim.now() % 1000;
  if (rem !== 0) await sim.advance(1000 - rem);
  sim.analytics.startApplication({ ApplicationName: name, RunConfiguration: sql ? { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] } : undefined });
  await sim.advance(30000);
}

/** Advances to the given absolute simulated time. */
export async function advanceTo(sim: Simulation, t: number): Promise<void> {
  if (t > sim.now()) await sim.advance(t - sim.now());
}

/** Puts a record on shard 0 or 1 of a 2-shard stream (explicit hash keys at the two halves). */
export function putOn(sim: Simulation, shard: 0 | 1, obj: Record<string, unknown>): void {
  sim.kinesis.putRecord({ StreamName: 'src', Data: enc(JSON.stringify(obj)), PartitionKey: 'k', ExplicitHashKey: shard === 0 ? '1' : (2n ** 127n + 1n).toString() });
}

/** "2025-06-01 11:00:10" for an epoch ms. */
export function sqlTs(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
