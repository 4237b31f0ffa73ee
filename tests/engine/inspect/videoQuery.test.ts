import { describe, it, expect } from 'vitest';
import { presetScenario } from '../../../src/scenarios/presets';
import { ScenarioSession } from '../../../src/scenarios/scenarioSession';
import { createSimulation } from '../../../src/engine';

describe('sim.inspect.video', () => {
  it('shows the stream, its timeline blocks and the detection while the person is in view', async () => {
    const s = new ScenarioSession(presetScenario('smart-home-label-detection')!);
    await s.advance(40000);
    const v = s.sim.inspect.video(undefined, 14000);
    expect(v.streams).toEqual(['front-door']);
    const st = v.stream!;
    // Fragments started at 1 s, 3 s, ...: 19 are whole at 40 s (the last started at 37 s is not).
    expect(st.blocks.length).toBe(19);
    expect(st.counters.fragmentsIn).toBe(19);
    // 14 s behind the newest fragment (server 37.1 s) is 23.1 s: the stranger walks by from 20 s to 32 s.
    expect(st.scene.map((o) => [o.label, o.who])).toEqual([['PERSON', 'stranger']]);
    expect(st.detections.map((o) => o.label)).toEqual(['PERSON']);
    expect(st.processors).toEqual([{ name: 'door-labels', status: 'RUNNING', kind: 'connected home', records: 0, notifications: 0 }]);
  });

  it('plays at a followed HLS viewer or GetMedia reader, and at the live edge while the followed one has read nothing', async () => {
    const sim = createSimulation({ seed: 5 });
    sim.video.createStream({ StreamName: 'door', DataRetentionInHours: 24 });
    await sim.advance(1000);
    sim.video.addCamera({ name: 'cam', streamName: 'door' });
    sim.video.startCamera('cam');
    sim.video.addGetMediaReader('reader', 'door', { StartSelectorType: 'EARLIEST' });
    expect(sim.inspect.video('door', 0, 'reader').stream?.following).toBeUndefined();
    // A LIVE HLS session needs fragments of the last 30 s: the viewer comes once the camera has sent some.
    await sim.advance(10000);
    sim.video.addHlsViewer('tv', 'door');
    await sim.advance(20000);
    const now = sim.now();
    const tv = sim.video.viewers().find((v) => v.name === 'tv')!;
    const byTv = sim.inspect.video('door', 0, 'tv').stream!;
    expect(byTv.following).toBe('tv');
    expect(byTv.position).toBe(tv.lastServerTimestamp);
    expect(byTv.lagMs).toBe(now - tv.lastServerTimestamp!);
    const r = sim.video.readers().find((x) => x.name === 'reader')!;
    const byReader = sim.inspect.video('door', 0, 'reader').stream!;
    expect(byReader.following).toBe('reader');
    expect(byReader.lagMs).toBe(r.millisBehindNow);
    // An unknown name plays the live edge, as with no name.
    expect(sim.inspect.video('door', 0, 'nobody').stream!.position).toBe(sim.inspect.video('door', 0).stream!.position);
  });
});
