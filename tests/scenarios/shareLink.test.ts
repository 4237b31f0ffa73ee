import { describe, it, expect } from 'vitest';
import { deflateSync } from 'fflate';
import { compressScenario, decodeShareFragment, encodeShareFragment, fromBase64Url, inflateBounded, toBase64Url } from '../../src/scenarios/shareLink';
import { loadFromFragment } from '../../src/scenarios/loader';
import type { Scenario } from '../../src/scenarios/types';

const scenario: Scenario = {
  version: 1,
  name: 'Orders <b>bold</b>',
  seed: 'abc',
  startTime: 1767225600000,
  topology: { streams: [{ StreamName: 'orders', ShardCount: 4 }] },
  commands: [{ at: 600000, op: 'kinesis.updateShardCount', args: { StreamName: 'orders', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' } }],
};
const presets = (id: string): Scenario | undefined => (id === 'demo' ? { ...structuredClone(scenario), presetId: 'demo' } : undefined);
const packed = (text: string) => '#s=' + toBase64Url(deflateSync(new TextEncoder().encode(text)));

describe('base64url', () => {
  it('round-trips bytes without padding and with the URL-safe alphabet', () => {
    const bytes = new Uint8Array([251, 255, 191, 0, 1]);
    expect(toBase64Url(bytes)).toBe('-_-_AAE');
    expect(fromBase64Url('-_-_AAE')).toEqual(bytes);
    expect(fromBase64Url('a+b')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });
});

describe('encodeShareFragment', () => {
  it('encodes the scenario and time, and decoding gives both back', () => {
    const link = encodeShareFragment(scenario, 754321);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.fragment).toMatch(/^#s=[A-Za-z0-9_-]+&t=754321$/);
    expect(decodeShareFragment(link.fragment)).toEqual({ ok: true, scenario, timeMs: 754321 });
  });

  it('uses the short preset form only while the scenario is exactly its preset', () => {
    const preset = presets('demo')!;
    expect(encodeShareFragment(preset, 5000, presets)).toEqual({ ok: true, fragment: '#p=demo&t=5000' });
    expect(decodeShareFragment('#p=demo&t=5000', presets)).toEqual({ ok: true, scenario: preset, timeMs: 5000, presetId: 'demo' });
    const changed = { ...preset, seed: 'other' };
    expect((encodeShareFragment(changed, 5000, presets) as { fragment: string }).fragment.startsWith('#s=')).toBe(true);
  });

  it('refuses a scenario over 64 KiB of JSON with a message', () => {
    const big = { ...scenario, description: 'x'.repeat(2000), commands: Array.from({ length: 1200 }, (_, i) => ({ at: i, op: 'kinesis.deleteStream', args: { StreamName: `s${i}` } })) };
    const r = compressScenario(big);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^This scenario is too large for a link \(\d+\.\d KiB of JSON; links carry at most 64 KiB\)\. Export it as a file instead\.$/);
  });
});

describe('decodeShareFragment', () => {
  it('explains each kind of bad link', () => {
    const cases: Array<[string, string]> = [
      ['', 'The link has no scenario in it (expected #s=... or #p=...).'],
      ['#s=***', 'The link is damaged: its scenario is not valid base64url.'],
      ['#s=AAAA', 'The link is damaged: its scenario is not valid compressed data.'],
      ['#p=nope', 'The link names a preset that does not exist ("nope").'],
      ['#s=abc&t=-5', 'The link\'s time "t" must be a whole number of milliseconds from 0 to 31622400000.'],
      ['#s=abc&t=1e9', 'The link\'s time "t" must be a whole number of milliseconds from 0 to 31622400000.'],
      [packed('{"version":1'), 'The link is damaged: the scenario is not valid JSON.'],
      [packed('['.repeat(5000) + ']'.repeat(5000)), 'The link is damaged: the scenario is nested too deeply (more than 12 levels).'],
      [packed(JSON.stringify({ ...scenario, version: 3 })), "The link's scenario was refused. Invalid scenario: version: this scenario was made by a newer version of the simulator (format 3); this one reads format 1"],
      [packed(JSON.stringify({ ...scenario, seed: 1e308 })), "The link's scenario was refused. Invalid scenario: seed: must be at most 4294967295"],
      [packed(' '.repeat(70000)), "The link's scenario is too large (more than 64 KiB once decompressed)."],
      ['#s=' + 'A'.repeat(100000), 'The link is too long (100003 characters; at most 98304).'],
    ];
    for (const [fragment, message] of cases) expect(decodeShareFragment(fragment, presets), fragment.slice(0, 40)).toEqual({ ok: false, message });
  });

  it('stops inflating a compression bomb at the limit', () => {
    const bomb = deflateSync(new Uint8Array(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(60000);
    expect(inflateBounded(bomb, 65536)).toEqual({ ok: false, message: "The link's scenario is too large (more than 64 KiB once decompressed)." });
  });

  it('keeps __proto__ keys from reaching any prototype', () => {
    const r = decodeShareFragment(packed(JSON.stringify(scenario).replace('"topology":{', '"topology":{"__proto__":{"admin":true},')));
    expect(r).toEqual({ ok: false, message: "The link's scenario was refused. Invalid scenario: topology.__proto__: forbidden field name" });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('loadFromFragment', () => {
  const fallback = (): Scenario => ({ ...scenario, name: 'default' });
  it('opens the default scenario silently when there is no fragment', () => {
    expect(loadFromFragment('', fallback, presets)).toEqual({ scenario: fallback(), timeMs: 0, source: 'default' });
  });
  it('opens the default scenario with the reason when the link is bad', () => {
    expect(loadFromFragment('#s=%%%', fallback, presets)).toEqual({
      scenario: fallback(),
      timeMs: 0,
      source: 'default',
      message: 'The link is damaged: its scenario is not valid base64url. The default scenario is shown instead.',
    });
  });
  it('opens a preset link at its time', () => {
    expect(loadFromFragment('#p=demo&t=60000', fallback, presets)).toEqual({ scenario: presets('demo'), timeMs: 60000, source: 'preset-link' });
  });
});
