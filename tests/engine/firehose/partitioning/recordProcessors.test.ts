import { describe, expect, it } from 'vitest';
import { appendDelimiterToRecord } from '../../../../src/engine/firehose/partitioning/appendDelimiter';
import { deaggregateDelimited, deaggregateJson } from '../../../../src/engine/firehose/partitioning/deaggregation';
import { ActivePartitions } from '../../../../src/engine/firehose/partitioning/activePartitions';
import { decodeUtf8, encodeUtf8 } from '../../../../src/engine/core/utf8';

const texts = (r: { ok: boolean; records?: Uint8Array[] }) => (r.ok ? r.records!.map(decodeUtf8) : r);

describe('appendDelimiterToRecord', () => {
  it('adds one newline', () => {
    expect(decodeUtf8(appendDelimiterToRecord(encodeUtf8('{"a":1}')))).toBe('{"a":1}\n');
  });
});

describe('deaggregateJson', () => {
  it('splits concatenated and newline-separated JSON objects, braces inside strings included', () => {
    expect(texts(deaggregateJson(encodeUtf8('{"a":1}{"b":"}{\\""}\n {"c":[1,{"d":2}]}\n')))).toEqual(['{"a":1}', '{"b":"}{\\""}', '{"c":[1,{"d":2}]}']);
  });

  it('rejects text that is not JSON records', () => {
    expect(deaggregateJson(encodeUtf8('{"a":1} hello'))).toEqual({ ok: false, error: 'Expected a JSON object at byte 8' });
    expect(deaggregateJson(encodeUtf8('{"a":1'))).toEqual({ ok: false, error: 'Unterminated JSON record' });
  });
});

describe('deaggregateDelimited', () => {
  it('splits on a base64-given delimiter', () => {
    // "||" is fHw= in base64.
    expect(texts(deaggregateDelimited(encodeUtf8('a||bb||||c||'), 'fHw='))).toEqual(['a', 'bb', 'c']);
  });
});

describe('ActivePartitions', () => {
  it('refuses a new partition past the limit until one is delivered', () => {
    const p = new ActivePartitions(2);
    expect([p.admit('x'), p.admit('y'), p.admit('x'), p.admit('z')]).toEqual([true, true, true, false]);
    expect([p.count, p.refused]).toEqual([2, 1]);
    p.release('x');
    expect(p.admit('z')).toBe(true);
    expect(new ActivePartitions().limit).toBe(500);
  });
});
