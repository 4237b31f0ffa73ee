import { describe, it, expect } from 'vitest';
import { presetScenario } from '../../../src/scenarios/presets';
import { ScenarioSession } from '../../../src/scenarios/scenarioSession';

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
});
