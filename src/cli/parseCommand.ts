/**
 * Parses a console line into what to call: `aws <service> <command>
 * [--param value ...]` with the CLI's global options, into `{ service,
 * operation, input }` in the wire's member names. Parsing only: nothing is
 * evaluated, no shell, no file access (`file://` is refused).
 */
import { tokenize } from './tokenize';
import { coerce, ParamError, type BinaryFormat } from './coerce';
import { looksLikeShorthand, parseShorthand, ShorthandError } from './shorthand';
import type { CliCommand, CliService } from './cliModels';
import { usageError } from './usage';
import type { PageOptions } from './paginators';

export type OutputFormat = 'json' | 'table' | 'text' | 'yaml';

/** The CLI's global options the console honours. */
export interface GlobalOptions {
  output: OutputFormat;
  query?: string;
  binaryFormat: BinaryFormat;
  noPaginate: boolean;
}

/** What a line asks for. */
export type Parsed =
  | { kind: 'call'; service: string; command: CliCommand; input: Record<string, unknown>; options: GlobalOptions; pages: PageOptions }
  | { kind: 'wait'; service: string; waiter: string; command: CliCommand; input: Record<string, unknown>; options: GlobalOptions }
  | { kind: 's3'; command: 'ls' | 'cp'; args: string[]; options: GlobalOptions }
  | { kind: 'help'; service?: string; command?: string }
  | { kind: 'empty' }
  | { kind: 'error'; text: string };

/** Kinesis waiters (botocore's kinesis waiters-2.json): DescribeStreamSummary until ACTIVE, or until the stream is gone. */
export const WAITERS: Readonly<Record<string, Readonly<Record<string, string>>>> = { kinesis: { 'stream-exists': 'describe-stream-summary', 'stream-not-exists': 'describe-stream-summary' } };

const GLOBAL_WITH_VALUE = new Set(['output', 'query', 'cli-binary-format', 'region', 'profile', 'endpoint-url', 'color', 'cli-read-timeout', 'cli-connect-timeout', 'ca-bundle']);
const GLOBAL_FLAGS = new Set(['no-paginate', 'debug', 'no-verify-ssl', 'no-sign-request', 'no-cli-pager', 'cli-auto-prompt', 'no-cli-auto-prompt']);

/** Parses one console line against the console's services. */
export function parseCommand(line: string, services: ReadonlyMap<string, CliService>): Parsed {
  const t = tokenize(line);
  if (!t.ok) return { kind: 'error', text: `Error: ${t.message}` };
  let words = t.words;
  if (words.length === 0) return { kind: 'empty' };
  if (words[0] !== 'aws') return { kind: 'error', text: `${words[0]}: command not found (the console runs aws commands only)` };
  words = words.slice(1);

  const options: GlobalOptions = { output: 'json', binaryFormat: 'base64', noPaginate: false };
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const name = w.startsWith('--') ? w.slice(2) : '';
    if (GLOBAL_FLAGS.has(name)) {
      if (name === 'no-paginate') options.noPaginate = true;
    } else if (GLOBAL_WITH_VALUE.has(name)) {
      const v = words[i + 1];
      if (v === undefined) return usageError(`argument --${name}: expected one argument`);
      i++;
      if (name === 'output') {
        if (!['json', 'table', 'text', 'yaml', 'yaml-stream'].includes(v)) return usageError(`argument --output: Invalid choice, valid choices are:\n\njson                                     | text\ntable                                    | yaml\nyaml-stream`);
        options.output = v === 'yaml-stream' ? 'yaml' : (v as OutputFormat);
      } else if (name === 'query') options.query = v;
      else if (name === 'cli-binary-format') {
        if (v !== 'base64' && v !== 'raw-in-base64-out') return usageError(`argument --cli-binary-format: Invalid choice, valid choices are:\n\nbase64                                   | raw-in-base64-out`);
        options.binaryFormat = v;
      }
    } else rest.push(w);
  }

  const [serviceName, commandName, ...params] = rest;
  if (serviceName === undefined) return usageError('the following arguments are required: command');
  if (serviceName === 'help') return { kind: 'help' };
  if (serviceName === 's3') {
    if (commandName === 'ls' || commandName === 'cp') return { kind: 's3', command: commandName, args: params, options };
    if (commandName === 'help' || commandName === undefined) return { kind: 'help', service: 's3' };
    return usageError(`argument subcommand: Invalid choice, valid choices are:\n\nls                                       | cp`);
  }
  const service = services.get(serviceName);
  if (service === undefined) return usageError(`argument command: Invalid choice, valid choices are:\n\n${choices([...services.keys(), 's3'].sort())}`);
  if (commandName === undefined) return usageError('the following arguments are required: operation');
  if (commandName === 'help') return { kind: 'help', service: serviceName };

  if (commandName === 'wait') {
    const waiters = WAITERS[serviceName] ?? {};
    const [waiter, ...waitParams] = params;
    if (waiter === undefined || !Object.prototype.hasOwnProperty.call(waiters, waiter)) return usageError(`argument subcommand: Invalid choice, valid choices are:\n\n${choices(Object.keys(waiters))}`);
    const command = service.commands.get(waiters[waiter]);
    if (command === undefined) return usageError(`argument subcommand: Invalid choice`);
    const r = parseParams(command, waitParams, options);
    return 'error' in r ? { kind: 'error', text: r.error } : { kind: 'wait', service: serviceName, waiter, command, input: r.input, options };
  }

  const command = service.commands.get(commandName);
  if (command === undefined) return usageError(`argument operation: Invalid choice, valid choices are:\n\n${choices([...service.commands.keys(), ...Object.keys(WAITERS[serviceName] ?? {}).length > 0 ? ['wait'] : []])}`);
  if (params[0] === 'help') return { kind: 'help', service: serviceName, command: commandName };
  const r = parseParams(command, params, options);
  if ('error' in r) return { kind: 'error', text: r.error };
  return { kind: 'call', service: serviceName, command, input: r.input, options, pages: r.pages };
}

/** Parses a command's own parameters into its request. */
function parseParams(command: CliCommand, words: string[], options: GlobalOptions): { input: Record<string, unknown>; pages: PageOptions } | { error: string } {
  const byFlag = new Map(command.params.map((p) => [p.flag, p]));
  const typed: Record<string, unknown> = {};
  let fromJson: Record<string, unknown> = {};
  const unknown: string[] = [];
  const pages: PageOptions = {};
  try {
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w.startsWith('--')) {
        unknown.push(w);
        continue;
      }
      const flag = w.slice(2);
      if (flag === 'cli-input-json' || flag === 'cli-input-yaml') {
        const v = words[++i];
        if (v === undefined) return usageError(`argument --${flag}: expected one argument`);
        if (flag === 'cli-input-yaml') return { error: 'The console reads --cli-input-json only.' };
        if (v.startsWith('file://') || v.startsWith('fileb://')) return { error: `Error parsing parameter '--cli-input-json': the console cannot read files (${v}).` };
        let parsed: unknown;
        try {
          parsed = JSON.parse(v);
        } catch {
          return { error: `Error parsing parameter 'cli-input-json': Invalid JSON received.` };
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: `Error parsing parameter 'cli-input-json': Invalid JSON received.` };
        fromJson = coerce(parsed, command.shape.input, 'input', options.binaryFormat) as Record<string, unknown>;
        continue;
      }
      if (command.paginator !== undefined && (flag === 'starting-token' || flag === 'page-size')) {
        const v = words[++i];
        if (v === undefined) return usageError(`argument --${flag}: expected one argument`);
        if (flag === 'starting-token') pages.startingToken = v;
        else if (/^\d+$/.test(v)) pages.pageSize = Number(v);
        else return usageError(`argument --page-size: invalid int value: '${v}'`);
        continue;
      }
      if (flag === 'generate-cli-skeleton') return { error: 'The console does not generate skeletons; see `help`.' };
      let p = byFlag.get(flag);
      if (p === undefined && flag.startsWith('no-')) {
        const b = byFlag.get(flag.slice(3));
        if (b !== undefined && b.shape.type === 'boolean') {
          typed[b.member] = false;
          continue;
        }
      }
      if (p === undefined) {
        unknown.push(w);
        continue;
      }
      if (p.shape.type === 'boolean') {
        typed[p.member] = true;
        continue;
      }
      const values: string[] = [];
      if (p.shape.type === 'list') {
        while (i + 1 < words.length && !words[i + 1].startsWith('--')) values.push(words[++i]);
      } else if (i + 1 < words.length) values.push(words[++i]);
      if (values.length === 0) return usageError(`argument --${flag}: expected ${p.shape.type === 'list' ? 'at least one argument' : 'one argument'}`);
      typed[p.member] = coerce(rawValue(values, p.shape.type, flag), p.shape, p.member, options.binaryFormat);
      p = undefined;
    }
  } catch (e) {
    if (e instanceof ParamError) return { error: `\nParameter validation failed:\n${e.message}` };
    if (e instanceof ShorthandError) return { error: `\n${e.message}` };
    throw e;
  }
  if (unknown.length > 0) return usageError(`Unknown options: ${unknown.join(', ')}`, false);
  const input = { ...fromJson, ...typed };
  const missing = command.params.filter((p) => p.required && !(p.member in input)).map((p) => `--${p.flag}`);
  if (missing.length > 0) return usageError(`the following arguments are required: ${missing.join(', ')}`);
  return { input, pages };
}

/** The value(s) typed for one parameter: JSON where it starts like JSON, shorthand for structures and maps. */
function rawValue(values: string[], type: string, flag: string): unknown {
  const json = (v: string): unknown => {
    try {
      return JSON.parse(v);
    } catch {
      throw new ParamError(`Error parsing parameter '--${flag}': Invalid JSON:\n${v}`);
    }
  };
  if (type === 'structure' || type === 'map') {
    const v = values[0];
    return v.trimStart().startsWith('{') ? json(v) : shorthand(v, flag);
  }
  if (type === 'list') {
    if (values.length === 1 && values[0].trimStart().startsWith('[')) return json(values[0]);
    // Each word is one element: shorthand for structures, `a,b` splits scalars.
    return values.flatMap((v) => (looksLikeShorthand(v) ? [shorthand(v, flag)] : v.trimStart().startsWith('{') ? [json(v)] : v.split(',')));
  }
  return values[0];
}

function shorthand(v: string, flag: string): unknown {
  try {
    return parseShorthand(v);
  } catch (e) {
    if (e instanceof ShorthandError) throw new ShorthandError(e.message.replace('Error parsing parameter:', `Error parsing parameter '--${flag}':`));
    throw e;
  }
}

function choices(names: readonly string[]): string {
  return names.join(' | ');
}
