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
      it = r.NextShardIterator;
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
