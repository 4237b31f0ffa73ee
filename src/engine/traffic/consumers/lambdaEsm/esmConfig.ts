/**
 * The Kinesis event source mapping's parameters, with Lambda's ranges and
 * defaults [BC-L; A13]: BatchSize 1..10000 (100), MaximumBatchingWindowInSeconds
 * 0..300 (0), ParallelizationFactor 1..10 (1), StartingPosition, 
 * BisectBatchOnFunctionError (false), MaximumRetryAttempts -1..10000 (-1:
 * until the record expires), MaximumRecordAgeInSeconds -1..604800 (-1),
 * TumblingWindowInSeconds 0..900, FunctionResponseTypes [ReportBatchItemFailures].
 */
import { AwsError } from '../../../core/errors';

export interface EventSourceMappingInput {
  /** The function name or ARN in sim.lambda. */
  FunctionName: string;
  /** The stream ARN or name. */
  EventSourceArn: string;
  BatchSize?: number;
  MaximumBatchingWindowInSeconds?: number;
  ParallelizationFactor?: number;
  StartingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  /** Epoch ms for AT_TIMESTAMP; it cannot be in the future. */
  StartingPositionTimestamp?: number;
  BisectBatchOnFunctionError?: boolean;
  MaximumRetryAttempts?: number;
  MaximumRecordAgeInSeconds?: number;
  TumblingWindowInSeconds?: number;
  FunctionResponseTypes?: Array<'ReportBatchItemFailures'>;
  /** On-failure destination (SQS, SNS, S3 in AWS): here an in-engine list named by this ARN. */
  DestinationConfig?: { OnFailure?: { Destination?: string } };
  /**
   * Simulator knob: false hands the function a count-only event (`{ kinesisBatch }`)
   * instead of materialised records, for bulk traffic and built-in counting handlers.
   */
  materialiseRecords?: boolean;
  /** Simulator knob: poll interval per shard (default 1000 ms: one poll per shard per second [LDG23]). */
  pollIntervalMs?: number;
}

export interface EsmConfig {
  batchSize: number;
  windowMs: number;
  parallelization: number;
  startingPosition: 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
  startingPositionTimestamp?: number;
  bisect: boolean;
  maxRetries: number;
  maxRecordAgeMs: number;
  tumblingWindowMs: number;
  reportBatchItemFailures: boolean;
  onFailure?: string;
  materialise: boolean;
  pollIntervalMs: number;
}

function invalid(msg: string): AwsError {
  return new AwsError('InvalidParameterValueException', msg);
}

function intIn(v: number | undefined, name: string, lo: number, hi: number, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v < lo || v > hi) throw invalid(`${name} must be between ${lo} and ${hi}, got ${v}.`);
  return v;
}

/** Checks the input and fills Lambda's defaults. */
export function esmConfigOf(input: EventSourceMappingInput, now: number): EsmConfig {
  const pos = input.StartingPosition;
  if (pos !== 'TRIM_HORIZON' && pos !== 'LATEST' && pos !== 'AT_TIMESTAMP') throw invalid('StartingPosition must be TRIM_HORIZON, LATEST or AT_TIMESTAMP for a Kinesis event source.');
  if (pos === 'AT_TIMESTAMP') {
    if (input.StartingPositionTimestamp === undefined) throw invalid('StartingPositionTimestamp must be set when StartingPosition is AT_TIMESTAMP.');
    if (input.StartingPositionTimestamp > now) throw invalid('StartingPositionTimestamp cannot be in the future.');
  }
  const age = intIn(input.MaximumRecordAgeInSeconds, 'MaximumRecordAgeInSeconds', -1, 604800, -1);
  if (age >= 0 && age < 60) throw invalid('MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.');
  const cfg: EsmConfig = {
    batchSize: intIn(input.BatchSize, 'BatchSize', 1, 10000, 100),
    windowMs: intIn(input.MaximumBatchingWindowInSeconds, 'MaximumBatchingWindowInSeconds', 0, 300, 0) * 1000,
    parallelization: intIn(input.ParallelizationFactor, 'ParallelizationFactor', 1, 10, 1),
    startingPosition: pos,
    startingPositionTimestamp: input.StartingPositionTimestamp,
    bisect: input.BisectBatchOnFunctionError ?? false,
    maxRetries: intIn(input.MaximumRetryAttempts, 'MaximumRetryAttempts', -1, 10000, -1),
    maxRecordAgeMs: age < 0 ? Infinity : age * 1000,
    tumblingWindowMs: intIn(input.TumblingWindowInSeconds, 'TumblingWindowInSeconds', 0, 900, 0) * 1000,
    reportBatchItemFailures: (input.FunctionResponseTypes ?? []).includes('ReportBatchItemFailures'),
    onFailure: input.DestinationConfig?.OnFailure?.Destination,
    materialise: input.materialiseRecords ?? true,
    pollIntervalMs: input.pollIntervalMs ?? 1000,
  };
  if (cfg.maxRetries < 0) cfg.maxRetries = Infinity;
  return cfg;
}
