import { describe, expect, it } from 'vitest';
import { SliceChunk, SliceStore } from '../../../src/engine/firehose/sliceStore';
import { copyState } from '../../../src/engine/checkpoint/copyState';
import { restoreState } from '../../../src/engine/checkpoint/restoreState';
import type { BufferItem, RecordRecipe, SliceItem } from '../../../src/engine/firehose/bulkTypes';

const recipe = (id: string): RecordRecipe => ({ id, record: (i) => new Uint8Array([i & 255]) });

describe('SliceStore', () => {
  it('gives back the slices and exact items an object packed, in order', () => {
    const store = new SliceStore();
    const a = recipe('a'), b = recipe('b');
    const exact = { data: new Uint8Array([1, 2, 3]), arrival: 1767225600500 };
    const items: BufferItem[] = [
      { recipe: a, first: 120, count: 60000, recordBytes: 180, start: 1767225600000, end: 1767225659999 },
      exact,
      { recipe: b, first: 0, count: 7, recordBytes: 33, start: 1767225601000, end: 1767225601006 },
    ];
    const other = store.pack([{ recipe: b, first: 7, count: 1, recordBytes: 33, start: 1767225602000, end: 1767225602000 }]);
    const start = store.pack(items);
    expect(other).toBe(0);
    expect(start).toBe(1);
    expect(store.size).toBe(4);
    const out = store.unpack(start, 3);
    expect(out).toEqual(items);
    expect((out[0] as SliceItem).recipe).toBe(a);
    expect(out[1]).toBe(exact);
  });

  it('keeps slices exact across its chunks', () => {
    const store = new SliceStore();
    const r = recipe('r');
    const batch = (k: number): SliceItem[] => [0, 1, 2].map((j) => ({ recipe: r, first: k * 3 + j, count: 1000 + j, recordBytes: 200, start: k * 1000 + j, end: k * 1000 + j + 999 }));
    let last = -1;
    for (let k = 0; k < 21846; k++) last = store.pack(batch(k)); // 65,538 slices: the last batch spans two chunks
    expect(last).toBe(65535);
    expect(store.size).toBe(65538);
    expect(store.unpack(last, 3)).toEqual(batch(21845));
    expect(store.unpack(3, 3)).toEqual(batch(1));
  });

  it('is shared by checkpoints chunk by chunk once full, and a restored store gives the same slices and recipes', () => {
    const r = recipe('r'), q = recipe('q');
    const store = new SliceStore();
    const exact = { data: new Uint8Array([9]), arrival: 5 };
    const items = (k: number, [a, b, x] = [r, q, exact] as const): BufferItem[] => [{ recipe: k % 2 === 0 ? a : b, first: k, count: 10, recordBytes: 20, start: k, end: k + 9 }, ...(k % 1000 === 0 ? [x] : [])];
    const starts: number[] = [];
    for (let k = 0; k < 5000; k++) starts.push(store.pack(items(k)));
    // The world holding the store, its recipes and exact item reachable elsewhere too (a buffer, a producer).
    const world = { store, recipes: [r, q], exact };
    const { copy, shared } = copyState(world);
    // 5,005 slices: the first 4,096 fill one sealed chunk (shared), the rest sit in the open one (copied).
    expect([...shared.keys()].length).toBe(1);
    const [chunk] = [...shared.keys()] as SliceChunk[];
    expect(chunk).toBeInstanceOf(SliceChunk);
    expect(chunk.sealed).toBe(true);
    expect(shared.get(chunk)).toBe(4096 * 6 * 4 + 128);
    const fresh = { store: new SliceStore(), recipes: [recipe('r'), recipe('q')], exact: { data: new Uint8Array(0), arrival: 0 } };
    restoreState(copy, fresh);
    for (let k = 0; k < 5000; k += 499) {
      const out = fresh.store.unpack(starts[k], k % 1000 === 0 ? 2 : 1);
      expect(out).toEqual(items(k, [fresh.recipes[0], fresh.recipes[1], fresh.exact]));
      // Identities hold: the restored slices name the restored world's recipes and exact item.
      expect((out[0] as SliceItem).recipe).toBe(fresh.recipes[k % 2]);
      if (k % 1000 === 0) expect(out[1]).toBe(fresh.exact);
    }
    // The restored store goes on packing into its own open chunk: the original is untouched.
    fresh.store.pack(items(5001, [fresh.recipes[0], fresh.recipes[1], fresh.exact]));
    expect(fresh.store.size).toBe(5006);
    expect(store.size).toBe(5005);
    expect(store.unpack(starts[4999], 1)).toEqual(items(4999));
    expect(fresh.store.unpack(5005, 1)).toEqual(items(5001, [fresh.recipes[0], fresh.recipes[1], fresh.exact]));
  });

  it('gives back exactly a slice whose numbers do not fit its 32-bit columns', () => {
    const store = new SliceStore();
    const r = recipe('r');
    const items: SliceItem[] = [
      { recipe: r, first: 2 ** 40, count: 3, recordBytes: 10, start: 1767225600000, end: 1767225600000 + 2 ** 33 },
      { recipe: r, first: 7, count: 2.5, recordBytes: 10, start: 0.1, end: 0.30000000000000004 },
      { recipe: r, first: 8, count: 1, recordBytes: 10, start: 5, end: 6 },
      // Arrived long before the chunk's first slice (a start more than 2^31 ms away), and one far after.
      { recipe: r, first: 9, count: 1, recordBytes: 10, start: 1767225600000 - 2 ** 32, end: 1767225600000 - 2 ** 32 },
      { recipe: r, first: 10, count: 1, recordBytes: 10, start: 1767225600000 + 2 ** 31, end: 1767225600000 + 2 ** 31 + 5 },
      { recipe: r, first: 11, count: 4, recordBytes: 10, start: 1767225599000, end: 1767225599900 },
    ];
    const start = store.pack(items);
    expect(store.unpack(start, items.length)).toEqual(items);
  });
});
