/**
 * S3 prefixes with Firehose's expression namespaces [KDF-DG23 s3-prefixes]:
 * `!{timestamp:<Java pattern>}` (the oldest record's arrival; every use in a
 * prefix resolves to the same instant), `!{firehose:random-string}` (11
 * characters, new for each use), `!{firehose:error-output-type}` (error
 * prefix only), `!{partitionKeyFromQuery:k}` and `!{partitionKeyFromLambda:k}`
 * (data prefix only, with dynamic partitioning). A prefix without a
 * timestamp expression gets `!{timestamp:yyyy/MM/dd/HH/}` appended, except a
 * dynamically partitioned data prefix, which is used as written.
 */
import { AwsError } from '../core/errors';
import type { Random } from '../core/random';
import { formatDateTime, parseDateTimePattern } from './dateTimeFormat';
import type { ErrorOutputType } from './constants';

export type PrefixPart =
  | { kind: 'text'; text: string }
  | { kind: 'timestamp'; tokens: ReturnType<typeof parseDateTimePattern> }
  | { kind: 'random' }
  | { kind: 'errorType' }
  | { kind: 'query'; key: string }
  | { kind: 'lambda'; key: string };

export interface CompiledPrefix {
  parts: PrefixPart[];
  hasExpressions: boolean;
  queryKeys: string[];
  lambdaKeys: string[];
}

/** The default timestamp appended to prefixes without one (UTC unless CustomTimeZone). */
export const DEFAULT_TIMESTAMP_PATTERN = 'yyyy/MM/dd/HH/';
/** The error prefix used when ErrorOutputPrefix is not given (the console's default) [facts B3]. */
export const DEFAULT_ERROR_PREFIX = '!{firehose:error-output-type}/';

const invalid = (m: string) => new AwsError('InvalidArgumentException', m);

/** Parses a prefix; `which` names the field in error messages. */
export function compilePrefix(prefix: string, which: 'Prefix' | 'ErrorOutputPrefix'): CompiledPrefix {
  const parts: PrefixPart[] = [];
  const out: CompiledPrefix = { parts, hasExpressions: false, queryKeys: [], lambdaKeys: [] };
  let i = 0;
  while (i < prefix.length) {
    const at = prefix.indexOf('!{', i);
    if (at < 0) { parts.push({ kind: 'text', text: prefix.slice(i) }); break; }
    if (at > i) parts.push({ kind: 'text', text: prefix.slice(i, at) });
    const end = prefix.indexOf('}', at);
    if (end < 0) throw invalid(`${which} ${prefix} is invalid: the expression starting at index ${at} is not closed with '}'.`);
    const expr = prefix.slice(at + 2, end);
    const colon = expr.indexOf(':');
    const ns = colon < 0 ? expr : expr.slice(0, colon);
    const arg = colon < 0 ? '' : expr.slice(colon + 1);
    out.hasExpressions = true;
    switch (ns) {
      case 'timestamp':
        try {
          parts.push({ kind: 'timestamp', tokens: parseDateTimePattern(arg) });
        } catch (e) {
          throw invalid(`${which} ${prefix} is invalid: the timestamp format '${arg}' is not a valid DateTimeFormatter pattern (${(e as Error).message}).`);
        }
        if (arg === '') throw invalid(`${which} ${prefix} is invalid: the timestamp format must not be empty.`);
        break;
      case 'firehose':
        if (arg === 'random-string') parts.push({ kind: 'random' });
        else if (arg === 'error-output-type') {
          if (which === 'Prefix') throw invalid(`The expression !{firehose:error-output-type} is not allowed in Prefix; use it in ErrorOutputPrefix.`);
          parts.push({ kind: 'errorType' });
        } else throw invalid(`${which} ${prefix} is invalid: unknown firehose expression '${arg}'. Use random-string or error-output-type.`);
        break;
      case 'partitionKeyFromQuery':
      case 'partitionKeyFromLambda':
        if (which === 'ErrorOutputPrefix') throw invalid(`The expression !{${expr}} is not allowed in ErrorOutputPrefix.`);
        if (arg === '') throw invalid(`${which} ${prefix} is invalid: !{${ns}:...} needs a key name.`);
        if (ns === 'partitionKeyFromQuery') { parts.push({ kind: 'query', key: arg }); out.queryKeys.push(arg); }
        else { parts.push({ kind: 'lambda', key: arg }); out.lambdaKeys.push(arg); }
        break;
      default:
        throw invalid(`${which} ${prefix} is invalid: unsupported namespace '${ns}'. Supported namespaces are timestamp, firehose, partitionKeyFromQuery and partitionKeyFromLambda.`);
    }
    i = end + 1;
  }
  const hasTimestamp = parts.some((p) => p.kind === 'timestamp');
  const partitioned = out.queryKeys.length + out.lambdaKeys.length > 0;
  if (!hasTimestamp && !partitioned) parts.push({ kind: 'timestamp', tokens: parseDateTimePattern(DEFAULT_TIMESTAMP_PATTERN) });
  return out;
}

export interface PrefixValues {
  /** The instant every `!{timestamp}` resolves to: the oldest record's arrival. */
  timestamp: number;
  offsetMinutes: number;
  random: Random;
  errorType?: ErrorOutputType;
  queryKeys?: Record<string, string>;
  lambdaKeys?: Record<string, string>;
}

const RANDOM_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Evaluates a compiled prefix. A missing partition key evaluates to undefined (the record goes to the error prefix). */
export function evaluatePrefix(p: CompiledPrefix, v: PrefixValues): string | undefined {
  let out = '';
  for (const part of p.parts) {
    switch (part.kind) {
      case 'text': out += part.text; break;
      case 'timestamp': out += formatDateTime(part.tokens, v.timestamp, v.offsetMinutes); break;
      case 'random': out += v.random.string(11, RANDOM_ALPHABET); break;
      case 'errorType': out += v.errorType ?? 'processing-failed'; break;
      case 'query': {
        const k = v.queryKeys?.[part.key];
        if (k === undefined) return undefined;
        out += k;
        break;
      }
      case 'lambda': {
        const k = v.lambdaKeys?.[part.key];
        if (k === undefined) return undefined;
        out += k;
        break;
      }
    }
  }
  return out;
}

/**
 * The length `evaluatePrefix` would give, without drawing random strings (each
 * `!{firehose:random-string}` is 11 characters), so a check never changes
 * what the seeded generator gives later. A missing key counts as empty.
 */
export function evaluatedPrefixLength(p: CompiledPrefix, v: Omit<PrefixValues, 'random'>): number {
  let n = 0;
  for (const part of p.parts) {
    switch (part.kind) {
      case 'text': n += part.text.length; break;
      case 'timestamp': n += formatDateTime(part.tokens, v.timestamp, v.offsetMinutes).length; break;
      case 'random': n += 11; break;
      case 'errorType': n += (v.errorType ?? 'processing-failed').length; break;
      case 'query': n += v.queryKeys?.[part.key]?.length ?? 0; break;
      case 'lambda': n += v.lambdaKeys?.[part.key]?.length ?? 0; break;
    }
  }
  return n;
}

/**
 * AWS's cross-field rules [KDF-DG23 s3-prefixes; facts B3, B4]: an
 * ErrorOutputPrefix is needed when Prefix has expressions; one with
 * expressions must contain !{firehose:error-output-type}; partition-key
 * expressions need dynamic partitioning, and dynamic partitioning needs them.
 */
export function validatePrefixes(prefix: string | undefined, errorPrefix: string | undefined, dynamicPartitioning: boolean, queryKeysDefined: readonly string[], lambdaEnabled: boolean): { data: CompiledPrefix; error: CompiledPrefix } {
  const data = compilePrefix(prefix ?? '', 'Prefix');
  if (errorPrefix === undefined || errorPrefix === '') {
    if (data.hasExpressions) throw invalid('ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.');
  }
  const error = compilePrefix(errorPrefix === undefined || errorPrefix === '' ? DEFAULT_ERROR_PREFIX : errorPrefix, 'ErrorOutputPrefix');
  if (errorPrefix !== undefined && errorPrefix !== '' && error.hasExpressions && !error.parts.some((x) => x.kind === 'errorType')) {
    throw invalid('ErrorOutputPrefix must contain !{firehose:error-output-type} when it contains expressions.');
  }
  const usesKeys = data.queryKeys.length + data.lambdaKeys.length > 0;
  if (usesKeys && !dynamicPartitioning) throw invalid('Prefix contains partitionKeyFrom expressions, but dynamic partitioning is not enabled.');
  if (dynamicPartitioning && !usesKeys) throw invalid('When dynamic partitioning is enabled, Prefix must contain at least one partitionKeyFromQuery or partitionKeyFromLambda expression.');
  for (const k of data.queryKeys) {
    if (!queryKeysDefined.includes(k)) throw invalid(`Prefix uses !{partitionKeyFromQuery:${k}}, but the MetadataExtractionQuery does not define the key '${k}'.`);
  }
  if (data.lambdaKeys.length > 0 && !lambdaEnabled) throw invalid('Prefix uses !{partitionKeyFromLambda:...}, but no Lambda processor is configured.');
  return { data, error };
}
