import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodeAggregatedRecord, deaggregate, encodeAggregatedRecord } from '../../../src/engine/kinesis/kplAggregation';
import { encodeUtf8, decodeUtf8 } from '../../../src/engine/core/utf8';

const md5 = (b: Uint8Array) => [...createHash('md5').update(b).digest()];

describe('encodeAggregatedRecord', () => {
  it('writes magic, the protobuf AggregatedRecord and its MD5 byte for byte', () => {
    const out = encodeAggregatedRecord([{ partitionKey: 'a', data: encodeUtf8('x') }]);
    const body = [0x0a, 0x01, 0x61, 0x1a, 0x05, 0x08, 0x00, 0x1a, 0x01, 0x78];
    expect([...out]).toEqual([0xf3, 0x89, 0x9a, 0xc2, ...body, ...md5(Uint8Array.from(body))]);
  });

  it('shares partition key and hash key tables between records', () => {
    const out = encodeAggregatedRecord([
      { partitionKey: 'k1', data: encodeUtf8('one') },
      { partitionKey: 'k2', explicitHashKey: '42', data: encodeUtf8('two'), tags: [{ key: 't', value: 'v' }] },
      { partitionKey: 'k1', data: encodeUtf8('three') },
    ]);
    const d = decodeAggregatedRecord(out);
    expect(d.aggregated).toBe(true);
    if (!d.aggregated) return;
    expect(d.records.map((r) => ({ ...r, data: decodeUtf8(r.data) }))).toEqual([
      { partitionKey: 'k1', data: 'one' },
      { partitionKey: 'k2', explicitHashKey: '42', data: 'two', tags: [{ key: 't', value: 'v' }] },
      { partitionKey: 'k1', data: 'three' },
    ]);
    // Tables: "k1" and "k2" once each (4 bytes apiece) and "42" once.
    expect(out.length).toBe(4 + 8 + 4 + 9 + 19 + 11 + 16);
  });
});

describe('decodeAggregatedRecord', () => {
  it('treats bytes without the magic or with a wrong MD5 as an ordinary record', () => {
    expect(decodeAggregatedRecord(encodeUtf8('{"plain":true} padding padding'))).toEqual({ aggregated: false, reason: 'no magic' });
    const out = encodeAggregatedRecord([{ partitionKey: 'a', data: encodeUtf8('x') }]);
    out[out.length - 1] ^= 1;
    expect(decodeAggregatedRecord(out)).toEqual({ aggregated: false, reason: 'MD5 mismatch' });
    expect(deaggregate(out, 'pk').map((r) => r.partitionKey)).toEqual(['pk']);
  });

  it('round-trips 1,000 records of random sizes', () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ partitionKey: `key-${i % 37}`, data: new Uint8Array((i * 7919) % 300).fill(i % 251) }));
    const d = decodeAggregatedRecord(encodeAggregatedRecord(records));
    expect(d.aggregated && d.records).toEqual(records);
  });
});
