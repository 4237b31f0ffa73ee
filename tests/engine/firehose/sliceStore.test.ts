import { describe, expect, it } from 'vitest';
import { SliceStore } from '../../../src/engine/firehose/sliceStore';
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

  it('keeps slices exact across its 65,536-slice chunks', () => {
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
});
