import { describe, it, expect } from 'vitest';
import { GaugeSampler, SeriesSampler, writeUseOf } from '../../src/worker/seriesSampler';

const src = (id: string, r: number, b: number, t: number) => ({ id, incomingRecords: r, incomingBytes: b, writeThrottledRecords: t });

describe('SeriesSampler', () => {
  it('records per-second deltas of the running counters', () => {
    const s = new SeriesSampler(4);
    s.sample(1000, [src('a', 100, 1000, 0)]);
    s.sample(2000, [src('a', 1100, 525288, 7)]);
    expect(s.latest('a')).toEqual({ records: 1000, bytes: 524288, throttled: 7 });
    const m = s.matrices(['a']);
    expect(Array.from(m.records)).toEqual([100, 1000]);
    expect(Array.from(m.writeUse)).toEqual([Math.fround(0.1), 1]);
  });

  it('keeps only the last `capacity` seconds, oldest first', () => {
    const s = new SeriesSampler(3);
    for (let i = 1; i <= 5; i++) s.sample(i * 1000, [src('a', i * 10, 0, 0)]);
    expect(Array.from(s.timesOldestFirst())).toEqual([3000, 4000, 5000]);
    expect(Array.from(s.matrices(['a']).records)).toEqual([10, 10, 10]);
  });

  it('leaves seconds before a shard existed empty, and a missing shard reads zero', () => {
    const s = new SeriesSampler(4);
    s.sample(1000, [src('a', 5, 0, 0)]);
    s.sample(2000, [src('a', 5, 0, 0), src('b', 300, 0, 0)]);
    expect(Array.from(s.matrices(['b', 'c']).records)).toEqual([0, 300, 0, 0]);
    expect(s.latest('c')).toEqual({ records: 0, bytes: 0, throttled: 0 });
  });

  it('takes the tighter of the two write limits', () => {
    expect(writeUseOf(500, 1048576)).toBe(1);
    expect(writeUseOf(250, 0)).toBe(0.25);
  });
});

describe('GaugeSampler', () => {
  it('keeps a value per id per second', () => {
    const g = new GaugeSampler(2);
    g.sample([['x', 1]]);
    g.sample([['x', 2], ['y', 9]]);
    g.sample([['x', 3]]);
    expect(Array.from(g.matrix(['x', 'y']))).toEqual([2, 3, 9, 0]);
  });
});
