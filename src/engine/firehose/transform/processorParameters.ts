/**
 * The Lambda processor's parameters [BC-F ProcessorParameter; Firehose
 * developer guide, data-transformation, current]: LambdaArn, NumberOfRetries
 * (default 3), BufferSizeInMBs (0.2..3, default 1; 0.256 for Splunk and
 * Snowflake), BufferIntervalInSeconds (0..900, default 60; 30 for Snowflake,
 * which the simulator does not model) and RoleArn, parsed from the AWS
 * Processor shape. CreateDeliveryStream and UpdateDestination parse it, so a
 * bad value is refused there and never at a put.
 */
import { invalidArgument } from '../../core/errors';
import { MiB } from '../constants';

/** A Processor as the Firehose API carries it. */
export interface ProcessorLike {
  Type: string;
  Parameters?: Array<{ ParameterName: string; ParameterValue: string }>;
}

/** The parsed Lambda processor. */
export interface LambdaProcessorConfig {
  lambdaArn: string;
  numberOfRetries: number;
  /** Invocation batch size in bytes of incoming data. */
  bufferSizeBytes: number;
  bufferIntervalMs: number;
  roleArn?: string;
}

/** BufferSizeInMBs range and defaults for the Lambda processor [facts B5]. */
export const LAMBDA_BUFFER_MB_RANGE: [number, number] = [0.2, 3];
export const DEFAULT_LAMBDA_BUFFER_MB = 1;
export const DEFAULT_SPLUNK_LAMBDA_BUFFER_MB = 0.256;
/**
 * BufferIntervalInSeconds: "ranges between 0 and 900 seconds", default 60 for every destination but
 * Snowflake (30) [Firehose developer guide, data-transformation, current; facts B5 said 60..900].
 */
export const LAMBDA_BUFFER_INTERVAL_RANGE: [number, number] = [0, 900];
export const DEFAULT_LAMBDA_BUFFER_INTERVAL_S = 60;
/** Snowflake's own Lambda defaults (not a modelled destination; kept so the figures have one home). */
export const DEFAULT_SNOWFLAKE_LAMBDA_BUFFER_MB = 0.256;
export const DEFAULT_SNOWFLAKE_LAMBDA_BUFFER_INTERVAL_S = 30;
/** NumberOfRetries: default 3, at most 300 [BC-F; KDF-DG23]. */
export const DEFAULT_NUMBER_OF_RETRIES = 3;
export const MAX_NUMBER_OF_RETRIES = 300;
/** Firehose waits at most 5 minutes for one invocation [facts B5]. */
export const MAX_FIREHOSE_INVOCATION_MS = 5 * 60 * 1000;
/** Lambda invocations outstanding at once per shard (10 for Splunk) [facts B5]. */
export const MAX_CONCURRENT_INVOCATIONS = 5;
export const MAX_CONCURRENT_INVOCATIONS_SPLUNK = 10;

const KNOWN = new Set(['LambdaArn', 'NumberOfRetries', 'RoleArn', 'BufferSizeInMBs', 'BufferIntervalInSeconds']);

/**
 * Parses and checks a Lambda processor; throws InvalidArgumentException with
 * the parameter at fault. `destination` picks the Splunk default buffer size.
 */
export function parseLambdaProcessor(processor: ProcessorLike, destination: 'S3' | 'Splunk' | 'Other' = 'S3'): LambdaProcessorConfig {
  if (processor.Type !== 'Lambda') throw invalidArgument(`Processor type ${processor.Type} is not a Lambda processor.`);
  const params = new Map<string, string>();
  for (const p of processor.Parameters ?? []) {
    if (!KNOWN.has(p.ParameterName)) throw invalidArgument(`Processor parameter ${p.ParameterName} is not valid for processor type Lambda.`);
    params.set(p.ParameterName, p.ParameterValue);
  }
  const lambdaArn = params.get('LambdaArn');
  if (!lambdaArn) throw invalidArgument('LambdaArn is a required parameter for processor type Lambda.');
  const num = (name: string, fallback: number, [lo, hi]: [number, number], integer: boolean): number => {
    const text = params.get(name);
    if (text === undefined) return fallback;
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
      throw invalidArgument(`Processor parameter ${name} value ${text} is out of range; it must be between ${lo} and ${hi}.`);
    }
    return v;
  };
  const defaultMb = destination === 'Splunk' ? DEFAULT_SPLUNK_LAMBDA_BUFFER_MB : DEFAULT_LAMBDA_BUFFER_MB;
  const config: LambdaProcessorConfig = {
    lambdaArn,
    numberOfRetries: num('NumberOfRetries', DEFAULT_NUMBER_OF_RETRIES, [0, MAX_NUMBER_OF_RETRIES], true),
    bufferSizeBytes: Math.round(num('BufferSizeInMBs', defaultMb, LAMBDA_BUFFER_MB_RANGE, false) * MiB),
    bufferIntervalMs: num('BufferIntervalInSeconds', DEFAULT_LAMBDA_BUFFER_INTERVAL_S, LAMBDA_BUFFER_INTERVAL_RANGE, true) * 1000,
  };
  const roleArn = params.get('RoleArn');
  if (roleArn !== undefined) config.roleArn = roleArn;
  return config;
}

/** The ARN Firehose records in error output: the configured one, with `:$LATEST` when it names no version. */
export function qualifiedLambdaArn(arn: string): string {
  return /:function:[^:]+$/.test(arn) ? `${arn}:$LATEST` : arn;
}
