/**
 * Charts never hide what happened between samples: a 1 MiB Firehose buffer
 * that fills in about two seconds is sampled once a second somewhere between
 * empty and full, but every flush reaches the chart at the fill it reached.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../../src/worker/world';
import { addFirehose } from '../../src/ui/commands';
import { linePoints } from '../../src/ui/charts/LineChart';

describe('buffer flushes in the series', () => {
  it('draws each size flush of a 1 MiB buffer at 100%, whatever the once-a-second samples read', async () => {
    const w = new World('1');
    for (const c of addFirehose({ name: 'fast', stream: 'telemetry-stream', bucket: 'fast-bucket', bucketExists: false, bufferSizeMiB: 1, bufferIntervalSec: 60 })) expect(w.command(c).ok).toBe(true);
    await w.advance(60_000);
    const s = w.snapshot(true).series!;
    const i = s.firehoseNames.indexOf('fast');
    const flushes = s.flushes[i];
    const delivered = w.sim.firehose.accounting('fast');
    expect(flushes.length).toBeGreaterThan(10);
    // Every flush in the window is a size flush: the buffer held at least 1 MiB (SizeInMBs is measured before compression).
    for (const f of flushes) expect(f.fill).toBeGreaterThanOrEqual(1);
    expect(delivered.delivered).toBeGreaterThan(0);
    const n = s.times.length;
    const fill = s.bufferFill.subarray(i * n, (i + 1) * n);
    // The samples alone never show a full buffer (it flushes as soon as it is full)...
    expect(Math.max(...fill)).toBeLessThan(1);
    // ...but the line drawn passes through every flush at its fill.
    const pts = linePoints(s.times, fill, flushes.map((f) => ({ time: f.time, from: f.fill, to: f.fillAfter })));
    expect(pts.filter(([, v]) => v >= 1)).toHaveLength(flushes.filter((f) => f.time >= s.times[0]).length);
  });
});
