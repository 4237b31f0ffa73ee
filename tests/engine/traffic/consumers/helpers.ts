/** Test helpers: an ACTIVE stream and a producer on the simulated clock. */
import { createSimulation, type Simulation } from '../../../../src/engine/simulation';
import { encodeUtf8 } from '../../../../src/engine/core/utf8';
import { after } from '../../helpers/callbacks';

/** A simulation with an ACTIVE provisioned stream of `shards` shards. */
export function activeStream(shards: number, name = 's', seed = 1): Simulation {
  const sim = createSimulation({ seed });
  sim.kinesis.createStream({ StreamName: name, ShardCount: shards });
  sim.advanceSync(60000);
  return sim;
}

/** Runs `fn` now and then every `everyMs` until `times` runs are done. */
export function every(sim: Simulation, everyMs: number, times: number, fn: (i: number) => void): void {
  let i = 0;
  const tick = () => {
    fn(i++);
    if (i < times) after(sim.core, everyMs, 'test:producer', tick);
  };
  after(sim.core, 0, 'test:producer', tick);
}

/** Puts `n` records of `bytes` bytes with partition keys from `key(i)`; returns sequence numbers. */
export function putN(sim: Simulation, stream: string, n: number, key: (i: number) => string, bytes = 10): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i += 500) {
    const entries = [];
    for (let j = i; j < Math.min(n, i + 500); j++) entries.push({ Data: new Uint8Array(bytes), PartitionKey: key(j) });
    const r = sim.kinesis.putRecords({ StreamName: stream, Records: entries });
    for (const e of r.Records) out.push(e.SequenceNumber ?? 'throttled');
  }
  return out;
}

/** A key that lands on the first shard of an even split: MD5("a") is in shard 0 of 2 and of 4. */
export const KEY_SHARD0 = 'a';
export const bytesOf = (s: string) => encodeUtf8(s);
