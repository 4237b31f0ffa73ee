import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMessage, encodeMessage } from '../../src/worker/wireCodec';

describe('wireCodec', () => {
  it('keeps typed arrays, Maps and non-finite numbers through JSON', () => {
    const v = { times: new Float64Array([1.5, -2, 3]), body: new Uint8Array([0, 255, 7]), m: new Map([['a', new Int32Array([-1])]]), n: [NaN, Infinity, -Infinity, 4], gone: undefined };
    const back = decodeMessage(encodeMessage(v)) as typeof v;
    expect(back.times).toBeInstanceOf(Float64Array);
    expect([...back.times]).toEqual([1.5, -2, 3]);
    expect(back.body).toEqual(new Uint8Array([0, 255, 7]));
    expect(back.m).toEqual(new Map([['a', new Int32Array([-1])]]));
    expect(back.n).toEqual([NaN, Infinity, -Infinity, 4]);
    expect('gone' in back).toBe(false);
  });

  it('encodes a view on part of a buffer as that part only', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    expect(decodeMessage(encodeMessage(whole.subarray(1, 3)))).toEqual(new Uint8Array([2, 3]));
  });

  it('never lets a message set __proto__', () => {
    const back = decodeMessage('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    expect(back).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('round-trips any Float64Array and JSON value (without __proto__ keys, which are dropped)', () => {
    fc.assert(
      fc.property(fc.float64Array(), fc.jsonValue().filter((j) => !JSON.stringify(j).includes('"__proto__"')), (arr, json) => {
        const back = decodeMessage(encodeMessage({ arr, json })) as { arr: Float64Array; json: unknown };
        expect(back.arr).toEqual(arr);
        expect(back.json).toEqual(JSON.parse(JSON.stringify(json)));
      }),
    );
  });
});
