import { describe, it, expect } from 'vitest';
import { MISSIONS, findMission } from '../../src/exam/missions';
import { runMission } from '../../src/exam/missionRun';
import { THEME_LABELS } from '../../src/exam/missionTypes';
import { PRESETS } from '../../src/scenarios/presets';
import { validateScenario } from '../../src/scenarios/validateScenario';
import { limitRows } from '../../src/ui/views/limitRows';

describe('missions', () => {
  it('has at least 15 missions with unique ids over at least 12 themes', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
    expect(new Set(MISSIONS.map((m) => m.theme)).size).toBeGreaterThanOrEqual(12);
    expect(findMission('split-the-hot-shard')?.title).toBe('Split the hot shard, keep the key');
    expect(findMission('nope')).toBeUndefined();
  });

  it('each starts from a valid scenario, names a listed preset and a real Limits row, and has hints', () => {
    const rows = new Set(limitRows().map((r) => r.id));
    for (const m of MISSIONS) {
      expect(validateScenario(m.scenario).ok, m.id).toBe(true);
      expect(PRESETS.some((p) => p.id === m.presetId), m.id).toBe(true);
      if (m.limitsRow !== undefined) expect(rows.has(m.limitsRow), `${m.id} ${m.limitsRow}`).toBe(true);
      expect(m.hints.length, m.id).toBeGreaterThanOrEqual(3);
      expect(THEME_LABELS[m.theme], m.id).toBeTypeOf('string');
      expect(validateScenario({ ...m.scenario, commands: [...m.scenario.commands, ...m.solution].sort((a, b) => a.at - b.at) }).ok, `${m.id} solution`).toBe(true);
    }
  });

  for (const m of MISSIONS) {
    describe(m.id, () => {
      it('is not met by the starting scenario alone within the budget', async () => {
        const s = await runMission(m);
        expect(s.state).toBe('failed');
        expect(s.passedAtMs).toBeUndefined();
        expect(s.goals.some((g) => !g.met)).toBe(true);
      });

      it('is met by the reference solution within the budget', async () => {
        const s = await runMission(m, m.solution);
        expect(s.state).toBe('passed');
        expect(s.passedAtMs).toBeLessThanOrEqual(m.budgetMs);
        expect(s.passedAtMs).toBeGreaterThanOrEqual(m.earliestPassMs ?? 0);
        expect(s.goals.every((g) => g.met)).toBe(true);
      });
    });
  }
});
