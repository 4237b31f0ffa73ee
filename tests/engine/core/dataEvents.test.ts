import { describe, it, expect } from 'vitest';
import { SimCore } from '../../../src/engine/core/simCore';

describe('SimCore data events', () => {
  it('runs a registered handler with its payload at the scheduled time, interleaved with other kinds in order', () => {
    const core = new SimCore({ startTime: 0 });
    const seen: string[] = [];
    core.registerHandler<{ n: number }>('test:tick', (p) => seen.push(`data ${p.n} @${core.now()}`));
    // The queue takes data events only (the closure form is gone): a second kind stands where a closure was.
    core.registerHandler('test:other', () => seen.push(`closure @${core.now()}`));
    core.scheduleEvent(10, 'test:tick', { n: 1 });
    core.scheduleEvent(10, 'test:other');
    core.scheduleEventAt(5, 'test:tick', { n: 2 });
    core.advanceSync(20);
    expect(seen).toEqual(['data 2 @5', 'data 1 @10', 'closure @10']);
  });

  it('resumes a continuation with its payload and the result, at once', () => {
    const core = new SimCore({ startTime: 0 });
    const seen: string[] = [];
    core.registerHandler<{ who: string }, number>('test:answer', (p, r) => seen.push(`${p.who}=${r} @${core.now()}`));
    core.resume({ kind: 'test:answer', payload: { who: 'a' } }, 42);
    expect(seen).toEqual(['a=42 @0']);
    expect(() => core.resume({ kind: 'test:none' }, 1)).toThrow("no handler registered for event kind 'test:none'");
  });

  it('refuses a second handler for the same kind and an event whose kind has none', () => {
    const core = new SimCore({ startTime: 0 });
    core.registerHandler('k', () => {});
    expect(() => core.registerHandler('k', () => {})).toThrow("'k' is already registered");
    core.scheduleEvent(1, 'missing');
    expect(() => core.advanceSync(2)).toThrow("no handler registered for event kind 'missing'");
  });
});
