import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { registerBuiltinFunction, registerBuiltinFunctions } from '../../../src/engine/lambda/builtins';
import { toBase64, fromBase64 } from '../../../src/engine/core/base64';
import { encodeUtf8, decodeUtf8 } from '../../../src/engine/core/utf8';
import type { InvokeResult } from '../../../src/engine/lambda/types';
import { resultTo } from '../helpers/callbacks';

const ev = (...texts: string[]) => ({
  invocationId: 'inv',
  deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/s',
  region: 'us-east-1',
  records: texts.map((t, i) => ({ recordId: `r${i}`, approximateArrivalTimestamp: 1000 + i, data: toBase64(encodeUtf8(t)) })),
});

function run(sim: ReturnType<typeof createSimulation>, name: string, event: unknown) {
  let out: InvokeResult | undefined;
  sim.lambda.invoke(name, event, resultTo<InvokeResult>(sim.core, (r) => (out = r)));
  sim.advanceSync(1000);
  const payload = (out as { payload: { records: Array<{ recordId: string; result: string; data: string; metadata?: unknown }> } }).payload;
  return payload.records.map((r) => ({ ...r, text: decodeUtf8(fromBase64(r.data)!) }));
}

describe('registerBuiltinFunctions', () => {
  it('registers every built-in under its name', () => {
    const sim = createSimulation();
    expect(registerBuiltinFunctions(sim).map((c) => c.FunctionName)).toEqual([
      'firehose-csv-to-json',
      'firehose-filter-by-field',
      'firehose-add-field',
      'firehose-fail-share',
      'firehose-partition-keys',
    ]);
  });
});

describe('firehose-csv-to-json', () => {
  it('turns id,name,age lines into JSON lines and fails a short line', () => {
    const sim = createSimulation();
    registerBuiltinFunctions(sim);
    const out = run(sim, 'firehose-csv-to-json', ev('1,Alice,30\n', '2,"Bob, Jr.",41\n3,Carol,25', '4,Dan'));
    expect(out.map((r) => [r.recordId, r.result, r.text])).toEqual([
      ['r0', 'Ok', '{"id":"1","name":"Alice","age":"30"}\n'],
      ['r1', 'Ok', '{"id":"2","name":"Bob, Jr.","age":"41"}\n{"id":"3","name":"Carol","age":"25"}\n'],
      ['r2', 'ProcessingFailed', '4,Dan'],
    ]);
  });

  it('uses a configured header and numeric fields', () => {
    const sim = createSimulation();
    registerBuiltinFunction(sim, 'firehose-csv-to-json', { FunctionName: 'csv', options: { header: ['ticker', 'price'], numericFields: ['price'] } });
    expect(run(sim, 'csv', ev('AMZN,181.5')).map((r) => r.text)).toEqual(['{"ticker":"AMZN","price":181.5}\n']);
  });
});

describe('firehose-filter-by-field', () => {
  it('drops matching records and fails non-JSON ones', () => {
    const sim = createSimulation();
    registerBuiltinFunctions(sim);
    const out = run(sim, 'firehose-filter-by-field', ev('{"level":"DEBUG"}', '{"level":"ERROR"}', 'nope'));
    expect(out.map((r) => r.result)).toEqual(['Dropped', 'Ok', 'ProcessingFailed']);
  });
});

describe('firehose-add-field', () => {
  it('adds the field and keeps the trailing newline', () => {
    const sim = createSimulation();
    registerBuiltinFunction(sim, 'firehose-add-field', { FunctionName: 'stamp', options: { field: 'arrived', valueFrom: 'approximateArrivalTimestamp' } });
    expect(run(sim, 'stamp', ev('{"a":1}\n')).map((r) => r.text)).toEqual(['{"a":1,"arrived":1000}\n']);
  });
});

describe('firehose-fail-share', () => {
  it('fails the same records for the same seed', () => {
    const outcome = (seed: number) => {
      const sim = createSimulation({ seed });
      registerBuiltinFunction(sim, 'firehose-fail-share', { options: { share: 0.25 } });
      return run(sim, 'firehose-fail-share', ev(...Array.from({ length: 20 }, (_, i) => `r${i}`))).map((r) => r.result);
    };
    const a = outcome(3);
    expect(outcome(3)).toEqual(a);
    expect(a.filter((r) => r === 'ProcessingFailed').length).toBe(FAILED_FOR_SEED_3);
  });
});

describe('firehose-partition-keys', () => {
  it('returns metadata.partitionKeys from fields', () => {
    const sim = createSimulation();
    registerBuiltinFunctions(sim);
    const out = run(sim, 'firehose-partition-keys', ev('{"customer_id":42}', '{"x":1}'));
    expect(out.map((r) => [r.result, r.metadata])).toEqual([
      ['Ok', { partitionKeys: { customer_id: '42' } }],
      ['ProcessingFailed', undefined],
    ]);
  });
});
const FAILED_FOR_SEED_3 = 7; // pinned: the seeded draw for seed 3 fails 7 of 20 at share 0.25
