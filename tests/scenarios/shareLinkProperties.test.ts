import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { decodeShareFragment, encodeShareFragment, toBase64Url } from '../../src/scenarios/shareLink';
import { validateScenario } from '../../src/scenarios/validateScenario';
import { loadFromFragment } from '../../src/scenarios/loader';
import { scenarioArb } from './scenarioArbitrary';
import type { Scenario } from '../../src/scenarios/types';

const fallback = (): Scenario => ({ version: 1, name: 'default', seed: 1, startTime: 0, topology: {}, commands: [] });
const noPresets = () => undefined;
const pack = (text: string) => '#s=' + toBase64Url(deflateSync(new TextEncoder().encode(text)));

describe('share link properties', () => {
  it('encode then decode gives the same scenario and time for any valid scenario', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 31622400000 }), (scenario, t) => {
        expect(validateScenario(scenario).ok).toBe(true);
        const link = encodeShareFragment(scenario, t);
        if (!link.ok) throw new Error(link.message);
        expect(decodeShareFragment(link.fragment)).toEqual({ ok: true, scenario, timeMs: t });
      }),
      { numRuns: 300 },
    );
  });
});

/** Hostile variations of a valid scenario's JSON. */
const hostile = fc.oneof(
  // Random text, random base64url, random bytes deflated.
  fc.string({ maxLength: 300 }).map((s) => '#' + s),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), maxLength: 400 }).map((s) => '#s=' + s),
  fc.uint8Array({ maxLength: 400 }).map((b) => '#s=' + toBase64Url(deflateSync(b))),
  // Valid JSON of the wrong shape, absurd numbers, deep nesting, prototype keys, scripts.
  fc.jsonValue({ maxDepth: 6 }).map((v) => pack(JSON.stringify(v))),
  fc.tuple(scenarioArb, fc.constantFrom('1e400', '-1', '1.5', 'null', '"x"', '{}', '[]', 'true', '99999999999999999999')).map(([s, bad]) =>
    pack(JSON.stringify(s).replace(/"startTime":\d+/, `"startTime":${bad}`)),
  ),
  fc.tuple(scenarioArb, fc.integer({ min: 13, max: 3000 })).map(([s, d]) => pack(JSON.stringify({ ...s, description: 'x' }).replace('"x"', '['.repeat(d) + ']'.repeat(d)))),
  fc.tuple(scenarioArb, fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([s, k]) => pack(JSON.stringify(s).replace('"topology":{', `"topology":{"${k}":{"x":1},`))),
  fc.tuple(scenarioArb, fc.integer({ min: 2, max: 1000 })).map(([s, v]) => pack(JSON.stringify({ ...s, version: v }))),
  scenarioArb.map((s) => pack(JSON.stringify({ ...s, commands: [{ at: 0, op: 'constructor', args: {} }] }))),
  scenarioArb.map((s) => pack(JSON.stringify({ ...s, name: 'x'.repeat(101) }))),
  // A valid scenario whose base64url was cut or damaged.
  fc.tuple(scenarioArb, fc.nat()).map(([s, n]) => {
    const f = (encodeShareFragment(s, 0) as { fragment: string }).fragment;
    const cut = 3 + (n % Math.max(1, f.length - 8));
    return f.slice(0, cut) + (n % 2 === 0 ? '' : 'Z' + f.slice(cut + 1));
  }),
);

describe('share link fuzz', () => {
  it('decodes thousands of random and hostile fragments without throwing, with a message for each refusal', () => {
    let refused = 0;
    fc.assert(
      fc.property(hostile, (fragment) => {
        const r = decodeShareFragment(fragment, noPresets);
        if (!r.ok) {
          refused++;
          expect(r.message.length).toBeGreaterThan(10);
        } else {
          expect(validateScenario(r.scenario).ok).toBe(true);
        }
        const loaded = loadFromFragment(fragment, fallback, noPresets);
        if (loaded.source === 'default' && fragment.replace(/^#/, '') !== '') expect(loaded.message).toMatch(/The default scenario is shown instead\.$/);
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(2500);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
