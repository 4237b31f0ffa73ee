/**
 * Tab completion: services, commands, parameters not yet given, enum values,
 * and existing resource names for the parameters that name one.
 */
import type { CliService } from './cliModels';
import { tokenize } from './tokenize';
import { WAITERS } from './parseCommand';

/** Existing resource names the console can offer. */
export interface Resources {
  streams: readonly string[];
  deliveryStreams: readonly string[];
  buckets: readonly string[];
  functions: readonly string[];
}

const RESOURCE_PARAMS: Readonly<Record<string, keyof Resources>> = {
  'stream-name': 'streams',
  'delivery-stream-name': 'deliveryStreams',
  bucket: 'buckets',
  'function-name': 'functions',
};

/** Candidates for the last word of `line`, and the line's text before that word. */
export function complete(line: string, services: ReadonlyMap<string, CliService>, resources: Resources): { prefix: string; word: string; candidates: string[] } {
  const endsInSpace = /\s$/.test(line);
  const t = tokenize(line);
  const words = t.ok ? t.words : line.trim().split(/\s+/);
  const word = endsInSpace ? '' : (words.pop() ?? '');
  const pick = (all: Iterable<string>): string[] => [...all].filter((c) => c.startsWith(word)).sort();
  // What stays before the completed word, exactly as typed.
  const head = line.slice(0, line.length - (/\S*$/.exec(line)?.[0].length ?? 0));
  const base = { prefix: head, word };
  if (words.length === 0) return { ...base, candidates: pick(['aws']) };
  const [, svcName, cmdName, ...rest] = words;
  if (svcName === undefined) return { ...base, candidates: pick([...services.keys(), 's3', 'help']) };
  if (svcName === 's3') return { ...base, candidates: cmdName === undefined ? pick(['ls', 'cp']) : pick(resources.buckets.map((b) => `s3://${b}/`)) };
  const svc = services.get(svcName);
  if (svc === undefined) return { ...base, candidates: [] };
  if (cmdName === undefined) return { ...base, candidates: pick([...svc.commands.keys(), ...(WAITERS[svcName] ? ['wait'] : []), 'help']) };
  let cmd = svc.commands.get(cmdName);
  let params = rest;
  if (cmdName === 'wait') {
    if (rest.length === 0) return { ...base, candidates: pick(Object.keys(WAITERS[svcName] ?? {})) };
    cmd = svc.commands.get(WAITERS[svcName]?.[rest[0]] ?? '');
    params = rest.slice(1);
  }
  if (cmd === undefined) return { ...base, candidates: [] };
  const last = params[params.length - 1];
  const p = last?.startsWith('--') ? cmd.params.find((x) => x.flag === last.slice(2)) : undefined;
  if (p !== undefined && p.shape.type !== 'boolean' && !word.startsWith('--')) {
    const kind = RESOURCE_PARAMS[p.flag];
    if (kind !== undefined) return { ...base, candidates: pick(resources[kind]) };
    if (p.shape.type === 'string' && p.shape.enum !== undefined) return { ...base, candidates: pick(p.shape.enum) };
    if (p.flag === 'stream-arn') return { ...base, candidates: [] };
    return { ...base, candidates: [] };
  }
  const given = new Set(params.filter((w) => w.startsWith('--')).map((w) => w.slice(2)));
  const flags = cmd.params.filter((x) => !given.has(x.flag)).flatMap((x) => (x.shape.type === 'boolean' ? [`--${x.flag}`, `--no-${x.flag}`] : [`--${x.flag}`]));
  const paging = cmd.paginator !== undefined ? ['--starting-token', '--page-size', '--no-paginate'] : [];
  return { ...base, candidates: pick([...flags, ...paging.filter((f) => !given.has(f.slice(2))), '--output', '--query', '--cli-input-json', '--cli-binary-format']) };
}
