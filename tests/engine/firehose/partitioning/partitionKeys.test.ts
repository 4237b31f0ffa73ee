import { beforeAll, describe, expect, it } from 'vitest';
import { loadJq, type JqRuntime } from '../../../../src/engine/firehose/partitioning/jqRuntime';
import { extractPartitionKeys, PartitionKeyExtractor } from '../../../../src/engine/firehose/partitioning/partitionKeys';
import { createExtractKeysHook } from '../../../../src/engine/firehose/partitioning/extractKeysHook';
import { encodeUtf8 } from '../../../../src/engine/core/utf8';

let jq: JqRuntime;
beforeAll(async () => {
  jq = await loadJq();
});

describe('JqRuntime', () => {
  it('runs real jq synchronously, across instance recycling', () => {
    expect(jq.run('{"a":{"b":[1,2]}}', '.a.b | map(. * 10)')).toBe('[10,20]');
    const before = jq.instances;
    for (let i = 0; i < 400; i++) expect(jq.run(`{"n":${i}}`, '.n + 1')).toBe(String(i + 1));
    expect(jq.instances - before).toBeGreaterThanOrEqual(2);
  });
});

describe('extractPartitionKeys', () => {
  it('evaluates the AWS examples: .customer_id and .ts|strftime', () => {
    const q = { customer_id: '.customer_id', year: '.ts|strftime("%Y")', month: '.ts|strftime("%m")', day: '.ts|strftime("%d")', hour: '.ts|strftime("%H")' };
    expect(extractPartitionKeys(q, '{"customer_id":"c-42","ts":1767312000,"amount":3.5}')).toEqual({
      keys: { customer_id: 'c-42', year: '2026', month: '01', day: '02', hour: '00' },
    });
  });

  it('accepts a MetadataExtractionQuery string, nested paths and numbers', () => {
    expect(extractPartitionKeys('{device: .device.id, level: (.level | ascii_downcase), bucket: (.v / 10 | floor)}', '{"device":{"id":7},"level":"WARN","v":57}')).toEqual({
      keys: { device: '7', level: 'warn', bucket: '5' },
    });
  });

  it('sends non-JSON, jq errors, null keys and several results to the error path', () => {
    const q = { k: '.a.b' };
    expect(extractPartitionKeys(q, 'not json')).toEqual({ error: 'Non JSON record provided', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' });
    expect(extractPartitionKeys(q, '{"a":5}')).toEqual({ error: 'Cannot index number with "b"', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' });
    expect(extractPartitionKeys(q, '{"a":{}}')).toEqual({ error: 'The partition key k evaluated to null', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' });
    expect(extractPartitionKeys({ k: '.a[]' }, '{"a":[1,2]}')).toEqual({ error: 'The query produced 2 results; exactly one object is required', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' });
    expect(extractPartitionKeys({ k: '.ts|strftime("%Y")' }, '{"ts":"yesterday"}')).toEqual({
      error: 'strftime/1 requires parsed datetime inputs',
      errorCode: 'DynamicPartitioning.MetadataExtractionFailed',
    });
  });

  it('reports a compile error for every record', () => {
    const r = extractPartitionKeys({ k: '.a |||' }, '{"a":1}');
    expect('error' in r && r.error.startsWith('syntax error')).toBe(true);
  });
});

describe('PartitionKeyExtractor', () => {
  it('batches and memoises: 1,000 records over 50 customers cost a handful of jq calls', () => {
    const ex = new PartitionKeyExtractor({ customer_id: '.customer_id' });
    const texts = Array.from({ length: 1000 }, (_, i) => `{"customer_id":"c${i % 50}"}`);
    const out = ex.extractTexts(texts, jq);
    expect(out[0]).toEqual({ keys: { customer_id: 'c0' } });
    expect(out[999]).toEqual({ keys: { customer_id: 'c49' } });
    expect(ex.jqCalls).toBe(1);
    ex.extractTexts(texts, jq);
    expect(ex.jqCalls).toBe(1);
  });

  it('keeps per-record answers when one record of a batch fails', () => {
    const ex = new PartitionKeyExtractor({ k: '.a.b' });
    expect(ex.extractTexts(['{"a":{"b":"x"}}', '{"a":1}', 'oops', '{"a":{"b":"y"}}'], jq)).toEqual([
      { keys: { k: 'x' } },
      { error: 'Cannot index number with "b"', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' },
      { error: 'Non JSON record provided', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' },
      { keys: { k: 'y' } },
    ]);
  });
  it('gives a batch of 400 mixed records exactly the answers each record gets alone, in few calls', () => {
    const texts = Array.from({ length: 400 }, (_, i) =>
      i % 97 === 5 ? 'oops' : i % 31 === 3 ? `{"a":${i}}` : i % 53 === 7 ? '{"a":{}}' : `{"a":{"b":"k${i % 23}","n":1.0,"s":"line\\nbreak \\u00e9"},"pad":"${'x'.repeat(i % 90)}"}`,
    );
    const batched = new PartitionKeyExtractor({ k: '.a.b', n: '.a.n' });
    const out = batched.extractTexts(texts, jq);
    const alone = texts.map((t) => new PartitionKeyExtractor({ k: '.a.b', n: '.a.n' }).extractTexts([t], jq)[0]);
    expect(out).toEqual(alone);
    expect(out[0]).toEqual({ keys: { k: 'k0', n: '1' } });
    expect(out[5]).toEqual({ error: 'Non JSON record provided', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' });
    expect(out[3]).toEqual({ error: 'Cannot index number with "b"', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' });
    // About 20 KB of records a call: the distinct valid texts here make about 38 KB.
    expect(batched.jqCalls).toBe(2);
  });

  it('answers a query that reads further inputs as each record alone would: there are none', () => {
    const ex = new PartitionKeyExtractor({ k: 'input | .a' });
    // Each record runs alone (two calls), so the first does not read the second; jq 1.7.1 under
    // try reports the end of its inputs as "break" (the same answer as before batching by argument).
    expect(ex.extractTexts(['{"a":"x"}', '{"a":"y"}'], jq)).toEqual([
      { error: 'break', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' },
      { error: 'break', errorCode: 'DynamicPartitioning.MetadataExtractionFailed' },
    ]);
    expect(ex.jqCalls).toBe(2);
  });
});

describe('createExtractKeysHook', () => {
  it('answers synchronously once jq is loaded', () => {
    const hook = createExtractKeysHook();
    const out = hook([encodeUtf8('{"c":"a"}')], '{c: .c}');
    expect(out).toEqual([{ keys: { c: 'a' } }]);
  });
});
