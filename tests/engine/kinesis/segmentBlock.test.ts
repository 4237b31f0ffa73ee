import { describe, expect, it } from 'vitest';
import { APPEND_GREW, APPEND_NEW_RUN, APPEND_REJECTED, SegmentBlock, type SegmentRecipe } from '../../../src/engine/kinesis/segmentBlock';
import { ShardStore } from '../../../src/engine/kinesis/shardStore';
import { MaterialiserRegistry } from '../../../src/engine/core/materialisers';
import type { LaneMaterialiser } from '../../../src/engine/kinesis/segmentRecipe';

/** A test lane: record i is `recordBytes - 2` bytes of i % 256, keyed tag + (i % 10). */
interface TestRecipe extends SegmentRecipe {
  tag: string;
}
const mats = new MaterialiserRegistry();
mats.register<LaneMaterialiser<TestRecipe>>('test-lane', {
  materialise: (r, index) => ({ data: new Uint8Array(r.recordBytes - 2).fill(index % 256), partitionKey: r.tag + (index % 10) }),
});

function recipe(bytes: number, tag = 'a'): TestRecipe {
  return { kind: 'test-lane', recordBytes: bytes, tag };
}

describe('SegmentBlock', () => {
  it('grows one run in place for a steady rate', () => {
    const lane = recipe(100);
    const seg = new SegmentBlock(0, [lane], 1000, -Infinity);
    expect(seg.appendTick(1000, [lane], [1000], [1000], [0])).toBe(APPEND_NEW_RUN);
    for (let t = 2; t <= 3600; t++) expect(seg.appendTick(t * 1000, [lane], [1000], [1000], [0])).toBe(APPEND_GREW);
    expect(seg.runCount).toBe(1);
    expect(seg.count).toBe(3600000);
    expect(seg.bytes).toBe(360000000);
    expect(seg.heapBytes()).toBe(208);
  });

  it('keeps a fractional rate in one run and places records in their ticks', () => {
    const lane = recipe(50);
    const seg = new SegmentBlock(10, [lane], 1000, -Infinity);
    // 2.5 records per tick: 2, 3, 2, 3, ...
    let phi = 0;
    const counts: number[] = [];
    for (let k = 0; k < 6; k++) {
      const c = Math.floor(phi + 2.5);
      counts.push(c);
      const res = seg.appendTick((k + 1) * 1000, [lane], [c], [2.5], [phi]);
      expect(res).toBe(k === 0 ? APPEND_NEW_RUN : APPEND_GREW);
      phi = (phi + 2.5) % 1;
    }
    expect(counts).toEqual([2, 3, 2, 3, 2, 3]);
    expect(seg.runCount).toBe(1);
    expect(seg.count).toBe(15);
    // Record 10+2 is the first of tick 1 (ending at 2000): 3 records spread over (1000, 2000].
    expect(seg.locate(12)).toEqual({ run: 0, tick: 1, lane: 0, inTick: 0, tickCount: 3 });
    expect([12, 13, 14].map((i) => seg.arrivalAt(i))).toEqual([1333, 1666, 2000]);
    expect([10, 11].map((i) => seg.arrivalAt(i))).toEqual([500, 1000]);
  });

  it('starts a new run when the counts leave the pattern and rejects other lanes and past ticks', () => {
    const a = recipe(10), b = recipe(10, 'b');
    const seg = new SegmentBlock(0, [a], 1000, -Infinity);
    seg.appendTick(1000, [a], [5], [5], [0]);
    expect(seg.appendTick(2000, [a], [4], [5], [0])).toBe(APPEND_NEW_RUN);
    expect(seg.appendTick(3000, [a], [4], [5], [0])).toBe(APPEND_GREW); // a throttled run stores its own count
    expect(seg.appendTick(4000, [b], [4], [4], [0])).toBe(APPEND_REJECTED);
    expect(seg.appendTick(3000, [a], [4], [4], [0])).toBe(APPEND_REJECTED);
    expect(seg.runCount).toBe(2);
    expect(seg.count).toBe(13);
  });

  it('orders lanes within a tick and measures mixed sizes without materialising', () => {
    const a = recipe(10), b = recipe(30, 'b');
    const seg = new SegmentBlock(0, [a, b], 1000, -Infinity);
    seg.appendTick(1000, [a, b], [2, 3], [2, 3], [0, 0]);
    seg.appendTick(2000, [a, b], [2, 3], [2, 3], [0, 0]);
    expect(seg.count).toBe(10);
    expect(seg.bytes).toBe(220);
    expect([0, 1, 2, 3, 4, 5].map((i) => seg.sizeAt(i))).toEqual([10, 10, 30, 30, 30, 10]);
    expect(seg.read(3, mats).partitionKey).toBe('b3');
    expect(seg.take(0, 100, 75)).toEqual({ count: 3, bytes: 50 });
    expect(seg.take(8, 100, 1000)).toEqual({ count: 2, bytes: 60 });
  });

  it('takes the longest prefix of mixed sizes that fits, as a record-by-record walk does', () => {
    // Three lanes, fractional rates, runs that change and ticks with throttled lanes.
    const lanes = [recipe(7), recipe(31, 'b'), recipe(113, 'c')];
    const seg = new SegmentBlock(40, lanes, 1000, -Infinity);
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const rates = [2.5, 0.75, 3.2], phis = [0.25, 0, 0.5];
    for (let k = 0; k < 200; k++) {
      const counts = rates.map((r, l) => Math.floor(phis[l] + r));
      if (k % 37 === 5) counts[1] = 0;
      if (k % 53 === 9) counts[2] = 1;
      seg.appendTick(1000 * (k + 1), lanes, counts, rates, phis);
    }
    expect(seg.runCount).toBeGreaterThan(3);
    const walk = (from: number, maxRecords: number, maxBytes: number) => {
      const left = Math.min(seg.firstIndex + seg.count - from, maxRecords);
      let count = 0, bytes = 0;
      for (let i = from; count < left; i++) {
        const size = seg.sizeAt(i);
        if (count > 0 && bytes + size > maxBytes) break;
        count++;
        bytes += size;
        if (bytes >= maxBytes) break;
      }
      return { count, bytes };
    };
    let total = 0;
    for (let i = 0; i < seg.count; i++) total += seg.sizeAt(seg.firstIndex + i);
    expect(total).toBe(seg.bytes);
    for (let n = 0; n < 400; n++) {
      const from = seg.firstIndex + Math.floor(rnd() * seg.count);
      const maxRecords = 1 + Math.floor(rnd() * 900);
      const maxBytes = n % 10 === 0 ? 1 + Math.floor(rnd() * 120) : Math.floor(rnd() * 40000);
      expect(seg.take(from, maxRecords, maxBytes)).toEqual(walk(from, maxRecords, maxBytes));
    }
    expect(seg.take(seg.firstIndex, Infinity, Infinity)).toEqual({ count: seg.count, bytes: seg.bytes });
  });

  it('never gives an arrival before the previous block (floor)', () => {
    const lane = recipe(10);
    const seg = new SegmentBlock(0, [lane], 1000, 1900);
    seg.appendTick(2000, [lane], [4], [4], [0]);
    expect([0, 1, 2, 3].map((i) => seg.arrivalAt(i))).toEqual([1900, 1900, 1900, 2000]);
  });

  it('interleaves with exact records by index in a ShardStore', () => {
    const store = new ShardStore();
    store.append(new Uint8Array([1]), 'x', 500);
    const lane = recipe(10);
    const seg = new SegmentBlock(store.nextIndex, [lane], 1000, store.arrivalAt(0));
    seg.appendTick(1000, [lane], [3], [3], [0]);
    store.appendBlock(seg, mats);
    seg.appendTick(2000, [lane], [3], [3], [0]);
    store.syncTail();
    store.append(new Uint8Array([2]), 'y', 2000);
    expect(store.nextIndex).toBe(8);
    expect(store.read(0).partitionKey).toBe('x');
    expect(store.read(7).partitionKey).toBe('y');
    expect(store.read(4).data.length).toBe(8);
    expect(Array.from({ length: 8 }, (_, i) => store.arrivalAt(i))).toEqual([500, 500, 666, 1000, 1333, 1666, 2000, 2000]);
    expect(store.measure(0, 100, 1000)).toEqual({ count: 8, bytes: 64, next: 8 });
  });
});

describe('SegmentBlock.growTick', () => {
  it('grows the last run exactly as appendTick does, tick after tick', () => {
    const lane = recipe(120);
    const viaAppend = new SegmentBlock(5, [lane], 1000, -Infinity);
    const viaGrow = new SegmentBlock(5, [lane], 1000, -Infinity);
    // 2.4 records per tick from phase 0.3: the run's own pattern decides each count.
    expect(viaAppend.appendTick(1000, [lane], [2], [2.4], [0.3])).toBe(APPEND_NEW_RUN);
    expect(viaGrow.appendTick(1000, [lane], [2], [2.4], [0.3])).toBe(APPEND_NEW_RUN);
    for (let k = 1; k < 50; k++) {
      const n = Math.floor(0.3 + (k + 1) * 2.4) - Math.floor(0.3 + k * 2.4);
      expect(viaAppend.appendTick(1000 + k * 1000, [lane], [n], [2.4], [0])).toBe(APPEND_GREW);
      expect(viaGrow.growTick(1000 + k * 1000, n)).toBe(true);
    }
    expect(viaGrow.count).toBe(viaAppend.count);
    expect(viaGrow.count).toBe(Math.floor(0.3 + 50 * 2.4));
    expect(viaGrow.bytes).toBe(viaAppend.bytes);
    expect(viaGrow.runCount).toBe(1);
    expect(viaGrow.lastTickTime).toBe(50000);
    for (let i = 5; i < 5 + viaGrow.count; i++) expect(viaGrow.arrivalAt(i)).toBe(viaAppend.arrivalAt(i));
  });

  it('refuses, changing nothing, a tick off the pattern, a gap, several lanes or an empty segment', () => {
    const lane = recipe(100), other = recipe(100, 'b');
    const seg = new SegmentBlock(0, [lane], 1000, -Infinity);
    expect(seg.growTick(1000, 10)).toBe(false); // no run yet
    seg.appendTick(1000, [lane], [10], [10], [0]);
    expect(seg.growTick(2000, 9)).toBe(false); // the pattern says 10
    expect(seg.growTick(3000, 10)).toBe(false); // not the next tick
    expect(seg.count).toBe(10);
    expect(seg.appendTick(2000, [lane], [9], [10], [0])).toBe(APPEND_NEW_RUN);
    expect(seg.growTick(3000, 9)).toBe(true); // the new run's pattern (9 a tick)
    expect(seg.count).toBe(28);
    const two = new SegmentBlock(0, [lane, other], 1000, -Infinity);
    two.appendTick(1000, [lane, other], [5, 5], [5, 5], [0, 0]);
    expect(two.growTick(2000, 5)).toBe(false);
  });

  it('lets appendTick seal the segment at its maximum span', () => {
    const lane = recipe(100);
    const seg = new SegmentBlock(0, [lane], 1000, -Infinity);
    seg.appendTick(1000, [lane], [1], [1], [0]);
    for (let t = 2; t <= 3600; t++) expect(seg.growTick(t * 1000, 1)).toBe(true);
    expect(seg.growTick(3601000, 1)).toBe(false);
    expect(seg.appendTick(3601000, [lane], [1], [1], [0])).toBe(APPEND_REJECTED);
    expect(seg.count).toBe(3600);
  });
});
