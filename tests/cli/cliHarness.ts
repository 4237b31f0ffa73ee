/** A console bound to a real scenario session: reads through cliRead (the wire), changes as recorded scenario commands. */
import { apiModels } from '../../src/engine';
import { createCli } from '../../src/cli/runCli';
import { cliRead } from '../../src/worker/cliRead';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import type { Scenario } from '../../src/scenarios/types';

export function emptyScenario(): Scenario {
  return { version: 1, name: 'console', seed: 7, startTime: Date.UTC(2026, 0, 1), topology: { streams: [], producers: [], consumers: [], deliveryStreams: [], lambdas: [], buckets: [] }, commands: [] } as unknown as Scenario;
}

export function consoleOn(session = new ScenarioSession(emptyScenario())) {
  const cli = createCli(apiModels, {
    read: async (service, operation, input) => cliRead(session.sim, service, operation, input),
    command: async (op, args) => {
      const r = session.apply({ op, args: JSON.parse(JSON.stringify(args)) });
      return r.ok ? { ok: true, value: r.output ?? {} } : { ok: false, error: r.error };
    },
    sleep: async (ms) => {
      await session.advance(ms);
    },
  });
  return { session, cli };
}
