import { describe, it, expect } from 'vitest';
import { presetScenario } from '../../src/scenarios/presets';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { createSimulation } from '../../src/engine';
import { CLIP_FPS, videoClip } from '../../src/worker/videoClip';

describe('videoClip: GetClip over the last seconds, and the frames of what it returned', () => {
  it('takes the whole fragments GetClip returns, ten frames a second, with the scene and detections at each', async () => {
    const s = new ScenarioSession(presetScenario('smart-home-label-detection')!);
    await s.advance(40000);
    const start = s.sim.now();
    const clip = videoClip(s.sim, 'front-door', 10);
    // Fragments are 2 s long and start at 1 s, 3 s, ... (server +100 ms): GetClip over [30 s, 40 s] returns those
    // whose server time lies in it and that are whole: 31.1, 33.1, 35.1 and 37.1 s after the start.
    expect(clip.fragments.map((f) => f.server - (start - 40000))).toEqual([31100, 33100, 35100, 37100]);
    expect(clip.fragments.map((f) => f.durationMs)).toEqual([2000, 2000, 2000, 2000]);
    expect(clip.fps).toBe(CLIP_FPS);
    expect(clip.frames.length).toBe(4 * 2 * CLIP_FPS);
    expect(clip.end - clip.start).toBe(8000);
    // The stranger walks by from 20 s to 32 s (the end included): the clip's first ten frames show them, and the running processor boxes each.
    const withPerson = clip.frames.filter((f) => f.scene.some((o) => o.label === 'PERSON'));
    expect(withPerson.map((f) => f.t - (start - 40000))).toEqual([31100, 31200, 31300, 31400, 31500, 31600, 31700, 31800, 31900, 32000]);
    expect(withPerson.map((f) => f.detections.map((d) => d.label))).toEqual(Array.from({ length: 10 }, () => ['PERSON']));
    expect(clip.payloadBytes).toBeGreaterThan(0);
  });

  it('gives GetClip refusals as the engine throws them', async () => {
    const sim = createSimulation({ seed: 3 });
    sim.video.createStream({ StreamName: 'live-only', DataRetentionInHours: 0 });
    await sim.advance(1000);
    expect(() => videoClip(sim, 'live-only', 10)).toThrow(/GetClip needs a stream that retains data/);
    sim.video.createStream({ StreamName: 'empty', DataRetentionInHours: 1 });
    await sim.advance(1000);
    expect(() => videoClip(sim, 'empty', 10)).toThrow(/No fragments found in stream empty/);
  });
});
