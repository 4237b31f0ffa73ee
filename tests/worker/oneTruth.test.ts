/**
 * Issue 9's complaint, as a test: the default scenario for a simulated minute,
 * and at every second every view's figure for the hot shard (the graph node,
 * the shard list, the header, the strip, the Hot shards tab, the charts) is
 * exactly the engine's metric for the window that view says it shows.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../../src/worker/world';
import { inspect } from '../../src/worker/inspectApi';
import { layoutGraph, shardAriaLabel } from '../../src/ui/graph/layout';
import { hotShards, hotSummary } from '../../src/ui/store/selectors';
import { formatPercent } from '../../src/ui/format';
import { HOT_WINDOW_MS, isHot, utilisationOf } from '../../src/engine/traffic/hotShards';
import type { Simulation } from '../../src/engine';
import type { ShardSnap } from '../../src/worker/protocol';

const HOT = 'shardId-000000000001';

/** The engine's CloudWatch series for [from, to): per second over the seconds that hold data. */
function engineWindow(sim: Simulation, stream: string, shardId: string, from: number, to: number) {
  const per = (metric: 'IncomingRecords' | 'IncomingBytes' | 'WriteProvisionedThroughputExceeded') => {
    const v = Array.from(sim.metrics.kinesis.series({ stream, shardId, metric, from, to }).values).filter((x) => !Number.isNaN(x));
    return { sum: v.reduce((a, b) => a + b, 0), held: v.length };
  };
  const r = per('IncomingRecords'), b = per('IncomingBytes'), t = per('WriteProvisionedThroughputExceeded');
  const n = r.held || 1;
  return { recordsPerSec: r.sum / n, bytesPerSec: b.sum / n, throttledPerSec: t.sum / n, held: r.held };
}

describe('one truth per number', () => {
  it('shows the hot shard of the default scenario with the engine\'s figures in every view, every second of a minute', async () => {
    const w = new World('1');
    let hotSeconds = 0;
    for (let second = 1; second <= 60; second++) {
      await w.step();
      const snap = w.snapshot(true);
      const stream = snap.streams[0];
      const sim = w.sim;
      // The window the views say they show: at most HOT_WINDOW_MS, never before the stream's first sampled second.
      expect(stream.heat.windowMs).toBe(HOT_WINDOW_MS);
      expect(stream.heat.toMs).toBe(sim.now());
      expect(stream.heat.seconds).toBe(Math.min(HOT_WINDOW_MS / 1000, (stream.heat.toMs - stream.heat.fromMs) / 1000));
      const open = stream.shards.filter((s) => s.open);
      const total = open.reduce((a, s) => a + engineWindow(sim, stream.name, s.id, stream.heat.fromMs, stream.heat.toMs).recordsPerSec, 0);
      for (const sh of open) {
        const e = engineWindow(sim, stream.name, sh.id, stream.heat.fromMs, stream.heat.toMs);
        expect(e.held).toBeLessThanOrEqual(stream.heat.seconds);
        // The snapshot (what the graph node, the shard list and the shard inspector draw).
        expect([sh.recordsPerSec, sh.bytesPerSec, sh.throttledPerSec]).toEqual([e.recordsPerSec, e.bytesPerSec, e.throttledPerSec]);
        expect(sh.writeUse).toBe(utilisationOf(e.recordsPerSec, e.bytesPerSec));
        expect(sh.hot).toBe(isHot({ throttledPerSec: e.throttledPerSec, utilisation: sh.writeUse, share: total > 0 ? e.recordsPerSec / total : 0, expectedShare: sh.expectedShare }));
      }
      const hot = hotShards(stream);
      // The graph draws the snapshot's shard as it is.
      const node = layoutGraph(snap, null).nodes.find((n) => n.id.endsWith(HOT));
      const nodeShard = (node?.data as { shard?: ShardSnap } | undefined)?.shard;
      const hs = stream.shards.find((s) => s.id === HOT)!;
      expect(nodeShard).toBe(hs);
      expect(shardAriaLabel(nodeShard!)).toContain(`${Math.round(hs.recordsPerSec)} records per second`);
      // The Hot shards tab: the engine's report over the same window, at the same moment.
      const r = inspect(sim, { type: 'hotShards', stream: stream.name, windowMs: stream.heat.windowMs });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.value.window).toEqual(stream.heat);
      expect(r.value.recordsPerSec).toBe(stream.recordsPerSec);
      for (const h of r.value.shards) {
        const s = stream.shards.find((x) => x.id === h.shardId)!;
        expect([h.recordsPerSec, h.bytesPerSec, h.throttledPerSec, h.utilisation, h.share, h.hot]).toEqual([s.recordsPerSec, s.bytesPerSec, s.throttledPerSec, s.writeUse, s.share, s.hot]);
      }
      // The charts: the last column is the engine's last second, exactly.
      const series = snap.series!;
      const n = series.times.length;
      const row = series.shardIds.indexOf(HOT);
      const last = engineWindow(sim, stream.name, HOT, sim.now() - 1000, sim.now());
      if (last.held === 1) {
        expect(series.records[row * n + n - 1]).toBe(Math.fround(last.recordsPerSec));
        expect(series.bytes[row * n + n - 1]).toBe(Math.fround(last.bytesPerSec));
        expect(series.writeUse[row * n + n - 1]).toBe(Math.fround(utilisationOf(last.recordsPerSec, last.bytesPerSec)));
      }
      // The header names exactly the engine's hot shards with the engine's percentage and the window.
      const header = hotSummary(snap.streams);
      if (hot.length === 0) expect(header).toBe('No hot shard.');
      else {
        expect(header.startsWith('Hot: ')).toBe(true);
        for (const h of hot) expect(header).toContain(`${h.id} (${formatPercent(h.writeUse)}`);
        expect(header.endsWith(stream.heat.seconds < 10 ? `last ${stream.heat.seconds} s (all the run has so far)` : 'last 10 s')).toBe(true);
      }
      if (hs.hot) hotSeconds++;
      if (second === 20) {
        // The moment: the header, the shard list and the Hot shards tab agree on the hot shard's figures.
        expect(hs.hot).toBe(true);
        expect(hs.throttledPerSec).toBeGreaterThan(0);
        expect(r.value.shards.find((h) => h.shardId === HOT)!.recordsPerSec).toBe(hs.recordsPerSec);
      }
    }
    // INFO keeps the shard hot from the first throttled second to the end of the minute.
    expect(hotSeconds).toBeGreaterThanOrEqual(55);
  });
});
