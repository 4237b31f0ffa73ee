/**
 * Properties of the record path under any mix of puts (throttled or not),
 * time passing, splits and merges: sequence numbers rise strictly per shard;
 * every accepted record is read exactly once by TRIM_HORIZON iteration (closed
 * parents, then children) while it is retained, never after its retention
 * ends; nothing throttled, duplicated or invented ever shows up; and each
 * partition key's records come back in the order they were accepted.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation, isAwsError, type Simulation } from '../../../src/engine';

const STREAM = 'prop';
const RETENTION_MS = 24 * 3600 * 1000;

type Command =
  | { kind: 'put'; key: number; size: number }
  | { kind: 'batch'; n: number; key: number; spread: boolean; size: number }
  | { kind: 'burst'; key: number; times: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'advanceHours'; hours: number }
  | { kind: 'split'; pick: number; at: number }
  | { kind: 'merge'; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('put' as const), key: fc.integer({ min: 0, max: 15 }), size: fc.oneof(fc.integer({ min: 4, max: 200 }), fc.integer({ min: 100000, max: 400000 })) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('batch' as const), n: fc.integer({ min: 1, max: 500 }), key: fc.integer({ min: 0, max: 15 }), spread: fc.boolean(), size: fc.integer({ min: 4, max: 400 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('burst' as const), key: fc.integer({ min: 0, max: 15 }), times: fc.integer({ min: 2, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advanceHours' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('split' as const), pick: fc.nat(), at: fc.integer({ min: 1, max: 999 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), pick: fc.nat() }) },
);

interface Accepted {
  id: number;
  key: string;
  shardId: string;
  seq: string;
  arrival: number;
}

/** A payload that names its record: 4 bytes of id, then filler. */
function payload(id: number, size: number): Uint8Array {
  const d = new Uint8Array(size);
  new DataView(d.buffer).setUint32(0, id);
  return d;
}

function ignoreInUse(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    // A reshard while the stream is UPDATING is refused; that is not what these properties are about.
    if (!isAwsError(e, 'ResourceInUseException')) throw e;
  }
}

function run(sim: Simulation, commands: Command[]): { accepted: Accepted[]; failed: Set<number> } {
  const accepted: Accepted[] = [];
  const failed = new Set<number>();
  let nextId = 0;
  const ctx = sim.kinesisContext;
  for (const c of commands) {
    const s = ctx.streams.get(STREAM)!;
    switch (c.kind) {
      case 'put': {
        const id = nextId++;
        const key = `key-${c.key}`;
        try {
          const r = sim.kinesis.putRecord({ StreamName: STREAM, PartitionKey: key, Data: payload(id, c.size) });
          accepted.push({ id, key, shardId: r.ShardId, seq: r.SequenceNumber, arrival: sim.now() });
        } catch (e) {
          if (!isAwsError(e, 'ProvisionedThroughputExceededException')) throw e;
          failed.add(id);
        }
        break;
      }
      case 'batch': {
        const ids = Array.from({ length: c.n }, () => nextId++);
        const keys = ids.map((_, i) => `key-${c.spread ? c.key + i : c.key}`);
        const r = sim.kinesis.putRecords({ StreamName: STREAM, Records: ids.map((id, i) => ({ PartitionKey: keys[i], Data: payload(id, c.size) })) });
        expect(r.FailedRecordCount).toBe(r.Records.filter((x) => x.ErrorCode !== undefined).length);
        r.Records.forEach((x, i) => {
          if (x.ErrorCode === undefined) accepted.push({ id: ids[i], key: keys[i], shardId: x.ShardId!, seq: x.SequenceNumber!, arrival: sim.now() });
          else {
            expect(x.ErrorCode).toBe('ProvisionedThroughputExceededException');
            failed.add(ids[i]);
          }
        });
        break;
      }
      case 'burst': {
        // 500-record batches to one key in the same millisecond: past 1,000 records/s on its shard.
        for (let t = 0; t < c.times; t++) {
          const ids = Array.from({ length: 500 }, () => nextId++);
          const key = `key-${c.key}`;
          const r = sim.kinesis.putRecords({ StreamName: STREAM, Records: ids.map((id) => ({ PartitionKey: key, Data: payload(id, 8) })) });
          r.Records.forEach((x, i) => {
            if (x.ErrorCode === undefined) accepted.push({ id: ids[i], key, shardId: x.ShardId!, seq: x.SequenceNumber!, arrival: sim.now() });
            else failed.add(ids[i]);
          });
        }
        break;
      }
      case 'advance':
        sim.advanceSync(c.ms);
        break;
      case 'advanceHours':
        sim.advanceSync(c.hours * 3600000);
        break;
      case 'split': {
        const sh = s.open[c.pick % s.open.length];
        const key = sh.start + ((sh.end - sh.start) * BigInt(c.at)) / 1000n;
        if (key > sh.start + 1n && key < sh.end) {
          ignoreInUse(() => sim.kinesis.splitShard({ StreamName: STREAM, ShardToSplit: sh.shardId, NewStartingHashKey: key.toString() }));
        }
        break;
      }
      case 'merge': {
        if (s.open.length < 2) break;
        const i = c.pick % (s.open.length - 1);
        const [a, b] = [s.open[i], s.open[i + 1]];
        ignoreInUse(() => sim.kinesis.mergeShards({ StreamName: STREAM, ShardToMerge: a.shardId, AdjacentShardToMerge: b.shardId }));
        break;
      }
    }
  }
  return { accepted, failed };
}

interface Read {
  id: number;
  key: string;
  shardId: string;
  seq: string;
  readAt: number;
  arrival: number;
}

/** Reads every listed shard from TRIM_HORIZON to its end (closed) or tip (open), shards in id order, within the read limits. */
function readAll(sim: Simulation): Read[] {
  const out: Read[] = [];
  const shards = sim.kinesis.describeStream({ StreamName: STREAM }).StreamDescription.Shards.map((s) => s.ShardId).sort();
  for (const shardId of shards) {
    let it: string | null;
    try {
      it = sim.kinesis.getShardIterator({ StreamName: STREAM, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    } catch (e) {
      // Reading takes simulated time: a closed shard listed a moment ago may have expired since
      // (all its records past retention), and AWS then no longer knows it. The "nothing lost"
      // check below still requires every record retained at the end to have been read.
      if (isAwsError(e, 'ResourceNotFoundException')) continue;
      throw e;
    }
    while (it !== null) {
      let r;
      try {
        r = sim.kinesis.getRecords({ ShardIterator: it });
      } catch (e) {
        if (isAwsError(e, 'ResourceNotFoundException')) break; // expired while being read, as above
        if (!isAwsError(e, 'ProvisionedThroughputExceededException')) throw e;
        sim.advanceSync(1000);
        continue;
      }
      for (const rec of r.Records) {
        out.push({ id: new DataView(rec.Data.buffer, rec.Data.byteOffset).getUint32(0), key: rec.PartitionKey, shardId, seq: rec.SequenceNumber, readAt: sim.now(), arrival: rec.ApproximateArrivalTimestamp });
      }
      sim.advanceSync(200); // 5 calls/s
      if (r.NextShardIterator !== null && r.Records.length === 0 && r.MillisBehindLatest === 0) break; // open shard, at its tip
      it = r.NextShardIterator;
    }
  }
  return out;
}

function risingPerShard(items: Array<{ shardId: string; seq: string }>): boolean {
  const last = new Map<string, bigint>();
  for (const x of items) {
    const n = BigInt(x.seq);
    const prev = last.get(x.shardId);
    if (prev !== undefined && n <= prev) return false;
    last.set(x.shardId, n);
  }
  return true;
}

describe('records (property)', () => {
  it('keeps every accepted record readable exactly once, in order, until its retention ends, and never after', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 4 }), (commands, shards) => {
        const sim = createSimulation({ seed: 3 });
        sim.kinesis.createStream({ StreamName: STREAM, ShardCount: shards });
        sim.advanceSync(10000);
        const { accepted, failed } = run(sim, commands);
        // Finish any reshard still UPDATING, without letting time change retention much.
        sim.advanceSync(10000);

        // Sequence numbers rise strictly per shard, in the order puts were accepted.
        expect(risingPerShard(accepted)).toBe(true);

        const reads = readAll(sim);
        const end = sim.now();
        const byId = new Map(accepted.map((a) => [a.id, a]));
        const seen = new Set<number>();
        for (const r of reads) {
          const a = byId.get(r.id);
          expect(failed.has(r.id)).toBe(false); // a throttled record never shows up
          expect(a).toBeDefined(); // nothing invented
          expect(seen.has(r.id)).toBe(false); // nothing duplicated
          seen.add(r.id);
          expect([r.key, r.shardId, r.seq, r.arrival]).toEqual([a!.key, a!.shardId, a!.seq, a!.arrival]);
          expect(r.arrival).toBeGreaterThanOrEqual(r.readAt - RETENTION_MS); // never read past retention
        }
        // Nothing lost: every record still retained when reading ended was read.
        const missing = accepted.filter((a) => a.arrival >= end - RETENTION_MS && !seen.has(a.id));
        expect(missing).toEqual([]);
        // Reads rise per shard too, and each key's records come back in the order they were accepted.
        expect(risingPerShard(reads)).toBe(true);
        const order = new Map(accepted.map((a, i) => [a.id, i]));
        const lastByKey = new Map<string, number>();
        for (const r of reads) {
          const i = order.get(r.id)!;
          expect(i).toBeGreaterThan(lastByKey.get(r.key) ?? -1);
          lastByKey.set(r.key, i);
        }

        // Once retention has passed for all of them, TRIM_HORIZON finds nothing, in any shard.
        sim.advanceSync(RETENTION_MS + 1);
        expect(readAll(sim)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('throttles some puts in the generated runs (the property is exercised under throttling)', () => {
    // A fixed run that must throttle: 3 x 500 records to one key in the same millisecond.
    const sim = createSimulation({ seed: 3 });
    sim.kinesis.createStream({ StreamName: STREAM, ShardCount: 1 });
    sim.advanceSync(10000);
    const { accepted, failed } = run(sim, [
      { kind: 'batch', n: 500, key: 1, spread: false, size: 10 },
      { kind: 'batch', n: 500, key: 1, spread: false, size: 10 },
      { kind: 'batch', n: 500, key: 1, spread: false, size: 10 },
      { kind: 'put', key: 1, size: 10 },
    ]);
    expect([accepted.length, failed.size]).toEqual([1000, 501]);
    expect(readAll(sim).map((r) => r.id)).toEqual(accepted.map((a) => a.id));
  });
});
