/**
 * ShardStore.blockOf looks at the last and the first block before searching:
 * the same block as a plain search over every block, for every index.
 */
import { describe, it, expect } from 'vitest';
import { ShardStore } from '../../../src/engine/kinesis/shardStore';
import { EXACT_BLOCK_RECORDS } from '../../../src/engine/kinesis/exactBlock';

/** The reference: the last block whose first index is at or below `index`, found by walking them all. */
function walk(store: ShardStore, index: number) {
  let found = store.blocks[0];
  for (const b of store.blocks) if (b.firstIndex <= index) found = b;
  return found;
}

describe('ShardStore.blockOf', () => {
  it('finds the block a plain walk finds, at the ends, inside and at every boundary', () => {
    const store = new ShardStore();
    const data = new Uint8Array(3);
    const total = EXACT_BLOCK_RECORDS * 5 + 17;
    for (let i = 0; i < total; i++) store.append(data, 'k', 1000 + i);
    expect(store.blocks.length).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < total; i++) expect(store.blockOf(i)).toBe(walk(store, i));
    // After retention drops whole blocks, the first block is the trim index's.
    store.trimBefore(1000 + EXACT_BLOCK_RECORDS * 2 + 5);
    for (let i = store.trimIndex; i < total; i++) expect(store.blockOf(i)).toBe(walk(store, i));
  });

  it('keeps its answer on one block and on none', () => {
    const one = new ShardStore();
    one.append(new Uint8Array(1), 'k', 5);
    expect(one.blockOf(0)).toBe(one.blocks[0]);
    expect(new ShardStore().blockOf(0)).toBeUndefined();
  });
});
