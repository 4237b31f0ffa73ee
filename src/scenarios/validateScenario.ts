/**
 * validateScenario: untrusted JSON in, a Scenario or located messages out.
 * Checks the document-wide bounds first (depth, sizes, forbidden keys), then
 * the schema, then each command's args against its op, then the rules a schema
 * cannot say (commands in time order, unique names).
 */
import { checkBounds, checkNode, isPlainObject, joinPath, Problems } from './validate';
import { commandArgs, scenarioSchema } from './scenarioSchema';
import { SCENARIO_VERSION } from './limits';
import type { Scenario } from './types';

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; message: string; errors: string[] };

/** Validates a parsed JSON value as a scenario; never throws. */
export function validateScenario(value: unknown): ValidationResult {
  const problems = new Problems();
  try {
    if (isPlainObject(value) && typeof value.version === 'number' && value.version > SCENARIO_VERSION && Number.isInteger(value.version)) {
      problems.add('version', `this scenario was made by a newer version of the simulator (format ${value.version}); this one reads format ${SCENARIO_VERSION}`);
      return fail(problems);
    }
    checkBounds(value, problems);
    if (problems.messages.length > 0) return fail(problems);
    checkNode(value, scenarioSchema, '', problems);
    if (problems.messages.length > 0) return fail(problems);
    const s = value as unknown as Scenario;
    s.commands.forEach((c, i) => {
      const path = joinPath('commands', i);
      checkNode(c.args, commandArgs[c.op], joinPath(path, 'args'), problems);
      if (i > 0 && c.at < s.commands[i - 1].at) problems.add(joinPath(path, 'at'), `must be at least the previous command's time (${s.commands[i - 1].at})`);
    });
    const t = s.topology;
    unique(t.streams, (x) => x.StreamName, 'topology.streams', 'StreamName', problems);
    unique(t.deliveryStreams, (x) => x.DeliveryStreamName, 'topology.deliveryStreams', 'DeliveryStreamName', problems);
    unique(t.lambdas, (x) => x.FunctionName, 'topology.lambdas', 'FunctionName', problems);
    unique(t.buckets, (x) => x.Bucket, 'topology.buckets', 'Bucket', problems);
    unique(t.glueTables, (x) => `${x.DatabaseName.toLowerCase()}.${x.TableName.toLowerCase()}`, 'topology.glueTables', 'TableName', problems);
    if (problems.messages.length > 0) return fail(problems);
    return { ok: true, scenario: s };
  } catch {
    // Defensive: the checks above do not throw on any JSON value, but a caller's
    // exotic object (a getter, a proxy) must still get a message, not a crash.
    problems.add('', 'is not a readable scenario');
    return fail(problems);
  }
}

function unique<T>(items: T[] | undefined, key: (x: T) => string | undefined, path: string, field: string, problems: Problems): void {
  const seen = new Map<string, number>();
  (items ?? []).forEach((x, i) => {
    const k = key(x);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first !== undefined) problems.add(joinPath(joinPath(path, i), field), `duplicates ${path}[${first}].${field} (${JSON.stringify(k)})`);
    else seen.set(k, i);
  });
}

function fail(problems: Problems): { ok: false; message: string; errors: string[] } {
  const errors = problems.messages.slice();
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { ok: false, message: `Invalid scenario: ${errors[0]}${more}`, errors };
}
