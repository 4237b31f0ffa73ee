/**
 * Runs one console line: parse, then reads through the engine's wire
 * protocol and mutations as scenario commands (recorded at the current
 * simulated time, so a console session is shared and replayed like any other
 * change), then prints what AWS CLI v2 prints. Never throws.
 */
import type { ApiModel } from '../engine';
import { COMMAND_OPS } from '../scenarios/scenarioSchema';
import { cliServices, type CliService } from './cliModels';
import { parseCommand, type GlobalOptions } from './parseCommand';
import { formatOutput } from './format/formatOutput';
import { helpText } from './help';
import { runS3 } from './s3Commands';
import { paginate } from './paginators';

/** An AWS error as data. */
export interface CliError {
  type: string;
  message: string;
}
export type CliResult = { ok: true; value: unknown } | { ok: false; error: CliError };

/** What the console runs against (the worker in the app, a simulation in tests). */
export interface CliBackend {
  /** A read through the engine's wire protocol (nothing changes in the simulation). */
  read(service: string, operation: string, input: Record<string, unknown>): Promise<CliResult>;
  /** A scenario command (`kinesis.createStream`), recorded when accepted. */
  command(op: string, args: Record<string, unknown>): Promise<CliResult>;
  /** Resolves once `ms` of simulated time have passed (waiters poll in simulated time). */
  sleep(ms: number): Promise<void>;
}

/** One run's printed output: stdout, stderr and the CLI's exit status. */
export interface CliOutput {
  stdout: string;
  stderr: string;
  status: number;
}

const READ = /^(Describe|List|Get|Head)/;
/** The scenario vocabulary's service for each CLI service. */
const SCENARIO_SERVICE: Readonly<Record<string, string>> = { kinesis: 'kinesis', firehose: 'firehose', s3api: 's3', lambda: 'lambda', kinesisvideo: 'video', rekognition: 'rekognition', kinesisanalyticsv2: 'analytics' };

/** Whether an operation only reads (so it is not recorded). */
export function isRead(operation: string): boolean {
  return READ.test(operation);
}

/** The scenario command a mutating operation becomes, if the allow-list has it. */
export function scenarioOp(service: string, operation: string): string | undefined {
  const prefix = SCENARIO_SERVICE[service];
  const op = prefix === undefined ? '' : `${prefix}.${operation[0].toLowerCase()}${operation.slice(1)}`;
  return COMMAND_OPS.includes(op) ? op : undefined;
}

/** The CLI's line for a service error. */
export function serviceError(e: CliError, operation: string): string {
  // S3 answers HEAD without a body: the CLI can only name the status.
  const code = operation === 'HeadObject' && e.type === 'NotFound' ? '404' : e.type;
  return `\nAn error occurred (${code}) when calling the ${operation} operation: ${e.message}\n`;
}

/** A console bound to the engine's API models. */
export function createCli(models: readonly ApiModel[], backend: CliBackend): { services: Map<string, CliService>; run(line: string): Promise<CliOutput> } {
  const services = cliServices(models);
  return {
    services,
    async run(line) {
      try {
        return await runLine(line, services, backend);
      } catch (e) {
        return { stdout: '', stderr: `\n${e instanceof Error ? e.message : String(e)}\n`, status: 255 };
      }
    },
  };
}

async function runLine(line: string, services: Map<string, CliService>, backend: CliBackend): Promise<CliOutput> {
  const p = parseCommand(line, services);
  switch (p.kind) {
    case 'empty':
      return { stdout: '', stderr: '', status: 0 };
    case 'error':
      return { stdout: '', stderr: p.text + '\n', status: 252 };
    case 'help':
      return { stdout: helpText(services, p.service, p.command), stderr: '', status: 0 };
    case 's3':
      return runS3(p.command, p.args, p.options, backend);
    case 'wait':
      return waitFor(p.command.operation, p.input, p.waiter, backend);
    case 'call': {
      const { operation } = p.command;
      let r: CliResult;
      const pg = p.command.paginator;
      if (pg !== undefined) r = await paginate(pg, p.input, p.pages, p.options.noPaginate, (input) => backend.read(p.service, operation, input));
      else if (isRead(operation)) r = await backend.read(p.service, operation, p.input);
      else {
        const op = scenarioOp(p.service, operation);
        if (op === undefined) return { stdout: '', stderr: `\n${p.service} ${p.command.name} changes the world but is not a scenario command, so the console cannot record it; use the inspector or a scenario.\n`, status: 255 };
        r = await backend.command(op, p.input);
      }
      if (!r.ok) return { stdout: '', stderr: serviceError(r.error, operation), status: 254 };
      return print(r.value, operation, p.options, p.command.shape.emptyOutput === true);
    }
  }
}

/** Prints a response, or the --query error. */
export function print(value: unknown, operation: string, options: GlobalOptions, emptyOutput = false): CliOutput {
  if (emptyOutput && options.query === undefined) return { stdout: '', stderr: '', status: 0 };
  const f = formatOutput(value, operation, options);
  return f.ok ? { stdout: f.text, stderr: '', status: 0 } : { stdout: '', stderr: f.text + '\n', status: 255 };
}

/**
 * `aws kinesis wait stream-exists|stream-not-exists`, botocore's Kinesis
 * waiters (waiters-2.json): DescribeStreamSummary every 10 s, at most 18
 * attempts, until StreamDescriptionSummary.StreamStatus is ACTIVE (or, for
 * stream-not-exists, ResourceNotFoundException).
 */
async function waitFor(operation: string, input: Record<string, unknown>, waiter: string, backend: CliBackend): Promise<CliOutput> {
  const name = waiter === 'stream-exists' ? 'StreamExists' : 'StreamNotExists';
  for (let attempt = 1; attempt <= 18; attempt++) {
    const r = await backend.read('kinesis', operation, input);
    if (waiter === 'stream-exists' && r.ok && (r.value as { StreamDescriptionSummary?: { StreamStatus?: string } }).StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return { stdout: '', stderr: '', status: 0 };
    if (waiter === 'stream-not-exists' && !r.ok && r.error.type === 'ResourceNotFoundException') return { stdout: '', stderr: '', status: 0 };
    if (!r.ok && r.error.type !== 'ResourceNotFoundException') return { stdout: '', stderr: `\nWaiter ${name} failed: An error occurred (${r.error.type}): ${r.error.message}\n`, status: 255 };
    if (attempt < 18) await backend.sleep(10_000);
  }
  return { stdout: '', stderr: `\nWaiter ${name} failed: Max attempts exceeded\n`, status: 255 };
}
