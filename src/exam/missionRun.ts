/**
 * Runs a mission headless, second by second, the way the worker's play loop
 * does: the scenario session advances one simulated second, then the tracker
 * checks the goal. Used by the tests (the preset alone fails, the reference
 * solution passes within the budget) and by anything that must judge a run
 * without the UI.
 */
import { ScenarioSession } from '../scenarios/scenarioSession';
import type { Scenario, ScenarioCommand } from '../scenarios/types';
import { MissionTracker, type MissionStatus } from './missionTracker';
import type { Mission } from './missionTypes';

/** The mission's scenario with extra commands (the learner's or the reference solution) merged in time order. */
export function withCommands(scenario: Scenario, extra: readonly ScenarioCommand[]): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  copy.commands = [...copy.commands, ...JSON.parse(JSON.stringify(extra))].sort((a, b) => a.at - b.at);
  delete copy.presetId;
  return copy;
}

/** Advances a session by one step, settling async work (Lambda handlers, jq) as the worker does. */
async function step(session: ScenarioSession, ms: number): Promise<void> {
  await session.advance(ms);
}

/** Runs `mission` (plus `commands`) until it passes or its budget runs out; returns the final status. */
export async function runMission(mission: Mission, commands: readonly ScenarioCommand[] = []): Promise<MissionStatus> {
  const session = new ScenarioSession(withCommands(mission.scenario, commands));
  const tracker = new MissionTracker(mission, mission.scenario.startTime);
  // The first check lands on a whole second, like the play loop's chunks.
  const first = 1000 - (session.sim.now() % 1000);
  if (first < 1000) await step(session, first);
  let status = tracker.check(session.sim, session.sim.now());
  while (status.state === 'running') {
    await step(session, 1000);
    status = tracker.check(session.sim, session.sim.now());
  }
  return status;
}
