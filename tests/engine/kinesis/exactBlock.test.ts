import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ExactBlock, EXACT_BLOCK_RECORDS } from '../../../src/engine/kinesis/exactBlock';
import { ShardStore } from '../../../src/engine/kinesis/shardStore';

/** A payload whose bytes tell its record and position apart. */
function payload(id: number, n: number): Uint8Array {
  const d = new Uint8Array(n);
  for (let i = 0; i < n; i++) d[i] = (id * 31 + i) & 255;
  return d;
}

/** Whether `d` is exactly payload(id, n) (element-wise deep equality is too slow for 100 KB records). */
function isPayload(d: Uint8Array, id: number, n: number): boolean {
  if (d.length !== n) return false;
  for (let i = 0; i < n; i++) if (d[i] !== ((id * 31 + i) & 255)) return false;
  return true;
}

describe('ExactBlock', () => {
  it('reads back every record byte for byte, with its key, arrival, size and explicit hash key, whatever the mix of sizes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 60000, max: 140000 })), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 0, max: 5000 }),
        (sizes, firstIndex) => {
          const b = new ExactBlock(firstIndex, sizes[0]);
          sizes.forEach((n, id) => {
            expect(b.hasRoom(n)).toBe(true);
            const ehk = id % 7 === 3 ? String(id) : undefined;
            expect(b.append(payload(id, n), `key-${id}-\u00e9`, 1000 + id * 3, ehk)).toBe(firstIndex + id);
          });
          if (sizes.length % 2 === 0) b.seal();
          let bytes = 0;
          sizes.forEach((n, id) => {
            const r = b.read(firstIndex + id);
            expect(isPayload(r.data, id, n)).toBe(true);
            expect(r.partitionKey).toBe(`key-${id}-\u00e9`);
            expect(r.arrival).toBe(1000 + id * 3);
            expect(r.explicitHashKey).toBe(id % 7 === 3 ? String(id) : undefined);
            // The key's UTF-8 size counts: 'é' is two bytes.
            const keyBytes = `key-${id}-`.length + 2;
            expect(b.sizeAt(firstIndex + id)).toBe(n + keyBytes);
            expect(b.arrivalAt(firstIndex + id)).toBe(1000 + id * 3);
            bytes += n + keyBytes;
          });
          expect(b.count).toBe(sizes.length);
          expect(b.bytes).toBe(bytes);
          expect(b.usage()).toEqual({ records: sizes.length, bytes: sizes.reduce((a, n) => a + n, 0) });
          // take: everything from the first record fits in the block's bytes, one record always comes.
          expect(b.take(firstIndex, sizes.length, bytes)).toEqual({ count: sizes.length, bytes });
          expect(b.take(firstIndex, sizes.length, 0).count).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('hands a copy to readers: changing a read record or the caller\'s buffer changes nothing stored', () => {
    const b = new ExactBlock(0);
    const d = payload(1, 10);
    b.append(d, 'k', 5);
    d.fill(0);
    const r = b.read(0);
    expect(r.data).toEqual(payload(1, 10));
    r.data.fill(9);
    expect(b.read(0).data).toEqual(payload(1, 10));
  });

  it('takes EXACT_BLOCK_RECORDS records, then the shard store opens the next block at the next index', () => {
    const store = new ShardStore();
    for (let i = 0; i < EXACT_BLOCK_RECORDS + 5; i++) expect(store.append(payload(i, i % 50), `k${i % 9}`, i)).toBe(i);
    expect(store.blocks.length).toBe(2);
    expect(store.blocks[1].firstIndex).toBe(EXACT_BLOCK_RECORDS);
    for (const i of [0, 49, EXACT_BLOCK_RECORDS - 1, EXACT_BLOCK_RECORDS, EXACT_BLOCK_RECORDS + 4]) {
      expect(store.read(i).data).toEqual(payload(i, i % 50));
      expect(store.read(i).partitionKey).toBe(`k${i % 9}`);
      expect(store.arrivalAt(i)).toBe(i);
    }
  });
});
