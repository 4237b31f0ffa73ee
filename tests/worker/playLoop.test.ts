import { describe, it, expect } from 'vitest';
import { PlayLoop, MAX_FRAME_WALL_MS } from '../../src/worker/playLoop';

function fakeHost(start = 1000) {
  const calls: number[] = [];
  const seconds: number[] = [];
  let now = start;
  return {
    calls,
    seconds,
    host: {
      simNow: () => now,
      advance: async (ms: number) => {
        calls.push(ms);
        now += ms;
      },
      onSecond: (t: number) => seconds.push(t),
    },
  };
}

describe('PlayLoop', () => {
  it('advances wall time x speed in chunks that end on whole simulated seconds', async () => {
    const f = fakeHost(1500);
    const loop = new PlayLoop(f.host);
    loop.playing = true;
    loop.speed = 100;
    expect(await loop.frame(25)).toBe(2500);
    expect(f.calls).toEqual([500, 1000, 1000]);
    expect(f.seconds).toEqual([2000, 3000, 4000]);
  });

  it('does not advance while paused, but step advances one simulated second', async () => {
    const f = fakeHost(0);
    const loop = new PlayLoop(f.host);
    expect(await loop.frame(16)).toBe(0);
    expect(await loop.step()).toBe(1000);
    expect(f.seconds).toEqual([1000]);
  });

  it('carries fractions of a millisecond so slow speeds stay exact', async () => {
    const f = fakeHost(0);
    const loop = new PlayLoop(f.host);
    loop.playing = true;
    loop.speed = 0.25;
    for (let i = 0; i < 8; i++) await loop.frame(10);
    expect(f.calls.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('caps a long frame (hidden tab) at MAX_FRAME_WALL_MS of wall time', async () => {
    const f = fakeHost(0);
    const loop = new PlayLoop(f.host);
    loop.playing = true;
    loop.speed = 2;
    expect(await loop.frame(10_000)).toBe(MAX_FRAME_WALL_MS * 2);
  });

  it('drops time the budget cannot cover instead of owing it', async () => {
    const f = fakeHost(0);
    const loop = new PlayLoop(f.host);
    loop.playing = true;
    loop.speed = 10000;
    let chunks = 0;
    expect(await loop.frame(16, () => ++chunks >= 3)).toBe(3000);
    expect(await loop.frame(0)).toBe(0);
  });

  it('works off a jump over frames within the budget', async () => {
    const f = fakeHost(0);
    const loop = new PlayLoop(f.host);
    loop.jump(60_000);
    await loop.frame(16, () => f.calls.length >= 10);
    expect(loop.jumpRemaining).toBe(50_000);
    await loop.frame(16);
    expect(loop.jumpRemaining).toBe(0);
    expect(f.host.simNow()).toBe(60_000);
  });

  it('refuses speeds outside 0.25x..10,000x with a message', async () => {
    const loop = new PlayLoop(fakeHost().host);
    expect(loop.setSpeed(20000)).toBe('Speed must be between 0.25x and 10000x, got 20000.');
    expect(loop.setSpeed(0.1)).toBe('Speed must be between 0.25x and 10000x, got 0.1.');
    expect(loop.setSpeed(1000)).toBe(null);
    expect(loop.speed).toBe(1000);
  });

  it('frame awaits each chunk before the next', async () => {
    const order: string[] = [];
    let now = 1500;
    const loop = new PlayLoop({
      simNow: () => now,
      advance: async (ms: number) => {
        order.push(`start ${ms}`);
        await Promise.resolve();
        now += ms;
        order.push(`end ${ms}`);
      },
      onSecond: (t: number) => order.push(`second ${t}`),
    });
    loop.playing = true;
    loop.speed = 100;
    expect(await loop.frame(25)).toBe(2500);
    expect(order).toEqual(['start 500', 'end 500', 'second 2000', 'start 1000', 'end 1000', 'second 3000', 'start 1000', 'end 1000', 'second 4000']);
    loop.playing = false;
    loop.jump(1200);
    expect(await loop.frame(16)).toBe(0);
    expect([now, loop.jumpRemaining]).toEqual([5200, 0]);
  });
});
