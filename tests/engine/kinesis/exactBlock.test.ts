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

  it('keeps exact sizes at the packing limits: a full block of 256-emoji keys (1 KiB of UTF-8 each), and no more than 2^30 payload bytes', () => {
    // Every record's key is the longest AWS allows in UTF-8 bytes: 256 code points of 4 bytes.
    const key = '\u{1F600}'.repeat(256);
    const b = new ExactBlock(7);
    const big = new Uint8Array(2 ** 20);
    const bigFrom = EXACT_BLOCK_RECORDS - 64;
    let bytes = 0;
    for (let i = 0; i < EXACT_BLOCK_RECORDS; i++) {
      const data = i >= bigFrom ? big : payload(i, i % 3);
      expect(b.hasRoom(data.length)).toBe(true);
      b.append(data, key, i);
      bytes += data.length + 1024;
    }
    expect(b.hasRoom(0)).toBe(false);
    expect(b.bytes).toBe(bytes);
    for (const i of [0, 1, 2, 3000, bigFrom - 1, bigFrom, EXACT_BLOCK_RECORDS - 1]) {
      expect(b.sizeAt(7 + i)).toBe((i >= bigFrom ? 2 ** 20 : i % 3) + 1024);
    }
    expect(b.read(7 + EXACT_BLOCK_RECORDS - 1).data.length).toBe(2 ** 20);
    expect(b.read(7 + 2).data).toEqual(payload(2, 2));
    expect(b.read(7 + 2).partitionKey).toBe(key);
    expect(b.take(7, EXACT_BLOCK_RECORDS, bytes)).toEqual({ count: EXACT_BLOCK_RECORDS, bytes });
    // A block never holds 2^30 payload bytes: the record that would reach it goes to the next block.
    const c = new ExactBlock(0);
    c.append(payload(1, 1000), 'k', 0);
    expect(c.hasRoom(2 ** 30 - 1001)).toBe(true);
    expect(c.hasRoom(2 ** 30 - 1000)).toBe(false);
  });
});
