import { describe, it, expect } from 'vitest';
import { SimCore } from '../../../src/engine/core/simCore';

describe('SimCore data events', () => {
  it('runs a registered handler with its payload at the scheduled time, interleaved with closures in order', () => {
    const core = new SimCore({ startTime: 0 });
    const seen: string[] = [];
    core.registerHandler<{ n: number }>('test:tick', (p) => seen.push(`data ${p.n} @${core.now()}`));
    core.scheduleEvent(10, 'test:tick', { n: 1 });
    core.schedule(10, 'closure', () => seen.push(`closure @${core.now()}`));
    core.scheduleEventAt(5, 'test:tick', { n: 2 });
    core.advanceSync(20);
    expect(seen).toEqual(['data 2 @5', 'data 1 @10', 'closure @10']);
  });

  it('refuses a second handler for the same kind and an event whose kind has none', () => {
    const core = new SimCore({ startTime: 0 });
    core.registerHandler('k', () => {});
    expect(() => core.registerHandler('k', () => {})).toThrow("'k' is already registered");
    core.scheduleEvent(1, 'missing');
    expect(() => core.advanceSync(2)).toThrow("no handler registered for event kind 'missing'");
  });
});
