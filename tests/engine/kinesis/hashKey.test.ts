import { describe, it, expect } from 'vitest';
import { evenHashRanges, partitionKeyToHashKey, parseHashKey } from '../../../src/engine/kinesis/hashKey';

describe('partitionKeyToHashKey', () => {
  it('reads the MD5 of the key as an unsigned 128-bit big-endian integer', () => {
    // MD5("a") = 0cc175b9c0f1b6a831c399e269772661
    expect(partitionKeyToHashKey('a')).toBe(16955237001963240173058271559858726497n);
    expect(partitionKeyToHashKey('1')).toBe(261578874264819908609102035485573088411n);
  });

  it('hashes the UTF-8 bytes of non-ASCII keys', () => {
    // MD5 of the UTF-8 bytes c3 a9 (Python: int(hashlib.md5('é'.encode()).hexdigest(), 16))
    expect(partitionKeyToHashKey('é')).toBe(136732923097551493579404309126273812335n);
  });
});

describe('evenHashRanges', () => {
  it('gives shard i the range from floor(2^128/N)*i, the last ending at 2^128-1 (a real 6-shard stream)', () => {
    const r = evenHashRanges(6);
    expect(r[0]).toEqual({ start: 0n, end: 56713727820156410577229101238628035241n });
    expect(r[1]).toEqual({ start: 56713727820156410577229101238628035242n, end: 113427455640312821154458202477256070483n });
    expect(r[5]).toEqual({ start: 283568639100782052886145506193140176210n, end: 340282366920938463463374607431768211455n });
  });

  it('splits 2 shards at 2^127 and 5 shards as the API Gateway sample shows', () => {
    expect(evenHashRanges(2).map((x) => x.end)).toEqual([2n ** 127n - 1n, 2n ** 128n - 1n]);
    expect(evenHashRanges(5)[0].end).toBe(68056473384187692692674921486353642290n);
  });
});

describe('parseHashKey', () => {
  it('accepts 0..2^128-1 in decimal and refuses the rest', () => {
    expect(parseHashKey('0')).toBe(0n);
    expect(parseHashKey('340282366920938463463374607431768211455')).toBe(2n ** 128n - 1n);
    expect(parseHashKey('340282366920938463463374607431768211456')).toBeUndefined();
    expect(parseHashKey('01')).toBeUndefined();
    expect(parseHashKey('-1')).toBeUndefined();
  });
});
