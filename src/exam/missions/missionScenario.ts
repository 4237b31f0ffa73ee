/** Builds a mission's starting scenario: like a preset, but not listed in the picker and not short-linked as one. */
import { definePreset } from '../../scenarios/presets/preset';
import type { Scenario, ScenarioCommand, Topology } from '../../scenarios/types';

export { streamArn, bucketArn, functionArn, FIREHOSE_ROLE } from '../../scenarios/presets/preset';

/** A scenario named for the mission, seed 1, starting at the default time. */
export function missionScenario(p: { title: string; brief: string; topology: Topology; commands?: ScenarioCommand[]; seed?: number }): Scenario {
  const s = definePreset({ id: 'mission', title: `Mission: ${p.title}`, explanation: p.brief, topology: p.topology, commands: p.commands, seed: p.seed }).scenario;
  delete s.presetId;
  return s;
}
