/**
 * Runs the Firehose Lambda data transformation over a batch of records on the
 * simulated clock: split into invocations by BufferSizeInMBs and the 6 MB
 * limit, invoke (at most 5 at once, facts B5), check each response, retry a
 * failed invocation NumberOfRetries times, and after that fail its whole
 * batch [KDF-DG23 data-transformation]. The continuation `then` runs once,
 * through the event queue, when every invocation has finished, with one
 * outcome per record in input order.
 *
 * A run and each of its attempts are plain records on data events (timeout
 * guard, retry wait, the invocation's result), so a checkpoint taken while a
 * transform is in flight copies it.
 */
import type { Random } from '../../core/random';
import type { SimCore } from '../../core/simCore';
import type { Continuation, ScheduledEvent } from '../../core/eventQueue';
import type { InvokeResult } from '../../lambda/types';
import { splitIntoInvocations } from './batching';
import { invocationErrorCode, RECORD_PROCESSING_FAILED } from './processingFailedRecord';
import { MAX_CONCURRENT_INVOCATIONS, MAX_FIREHOSE_INVOCATION_MS, qualifiedLambdaArn, type LambdaProcessorConfig } from './processorParameters';
import { buildTransformEvent, recordIdFor, seededUuid, type TransformInputRecord } from './transformEvent';
import { checkTransformResponse } from './transformResponse';

/** What runTransform needs from the simulation and the delivery stream. */
export interface TransformContext {
  core: SimCore;
  lambda: { invoke(nameOrArn: string, event: unknown, then: Continuation): string };
  /** Seeded generator for invocation ids (fork one per delivery stream). */
  random: Random;
  deliveryStreamArn: string;
  sourceKinesisStreamArn?: string;
  /** Defaults to the simulation's Region. */
  region?: string;
  /** Serial number source for record ids; runTransform advances it. */
  recordSerial: { next: number };
  /** Invocations outstanding at once (default 5; 10 for Splunk). */
  maxConcurrentInvocations?: number;
  /** Simulated wait before a retry, ms (default 1000; modelled, AWS does not publish it). */
  retryDelayMs?: number;
}

/** Details of a record that failed processing, enough to write its processing-failed JSON. */
export interface TransformFailure {
  raw: Uint8Array;
  arrival: number;
  errorCode: string;
  errorMessage: string;
  attemptsMade: number;
  attemptEndingTimestamp: number;
  lambdaArn: string;
}

export type TransformRecordOutcome =
  | { result: 'Ok'; data: Uint8Array; arrival: number; partitionKeys?: Record<string, string> }
  | { result: 'Dropped'; arrival: number }
  | { result: 'ProcessingFailed'; failure: TransformFailure };

export interface TransformRunResult {
  /** One per input record, in input order. */
  outcomes: TransformRecordOutcome[];
  /** Invocation attempts made (retries included). */
  invocations: number;
  ok: number;
  dropped: number;
  failed: number;
}

export const DEFAULT_RETRY_DELAY_MS = 1000;

/** Event and continuation kinds (handlers registered once per simulation by registerTransformEvents). */
const TRANSFORM = {
  done: 'firehose:transformDone',
  timeout: 'firehose:transformTimeout',
  retry: 'firehose:transformRetry',
  invoked: 'firehose:transformInvoked',
} as const;

/** One transform run in flight, as plain data. */
interface TransformRun {
  ctx: TransformContext;
  config: LambdaProcessorConfig;
  lambdaArn: string;
  records: TransformInputRecord[];
  outcomes: TransformRecordOutcome[];
  recordIds: string[];
  /** [start, end) of each invocation batch. */
  batches: Array<[number, number]>;
  limit: number;
  retryDelay: number;
  invocations: number;
  nextBatch: number;
  running: number;
  then: Continuation;
}

/** One invocation attempt of records [start, end) of a run. */
interface Attempt {
  run: TransformRun;
  start: number;
  end: number;
  attemptNo: number;
  ids: string[];
  /** Set once the function answered or Firehose gave up waiting (the later of the two is ignored). */
  answered: boolean;
  guard?: ScheduledEvent;
}

/** Registers the transform's data events on `core` (once per simulation; later calls do nothing). */
export function registerTransformEvents(core: SimCore): void {
  if (core.hasHandler(TRANSFORM.done)) return;
  core.registerHandler<TransformRun>(TRANSFORM.done, finish);
  core.registerHandler<Attempt>(TRANSFORM.timeout, (a) => {
    if (a.answered) return;
    a.answered = true;
    onFailure(a, 'Firehose.InvocationTimeout', false);
  });
  core.registerHandler<{ run: TransformRun; start: number; end: number; attemptNo: number }>(TRANSFORM.retry, (p) => attempt(p.run, p.start, p.end, p.attemptNo));
  core.registerHandler<Attempt, InvokeResult>(TRANSFORM.invoked, answered);
}

/** Transforms `records`; the continuation `then` gets the TransformRunResult when the last invocation ends. */
export function runTransform(ctx: TransformContext, config: LambdaProcessorConfig, records: TransformInputRecord[], then: Continuation): void {
  const { core } = ctx;
  const run: TransformRun = {
    ctx,
    config,
    lambdaArn: qualifiedLambdaArn(config.lambdaArn),
    records,
    outcomes: new Array(records.length),
    recordIds: records.map(() => recordIdFor(ctx.recordSerial.next++)),
    batches: splitIntoInvocations(records, config.bufferSizeBytes),
    limit: ctx.maxConcurrentInvocations ?? MAX_CONCURRENT_INVOCATIONS,
    retryDelay: ctx.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
    invocations: 0,
    nextBatch: 0,
    running: 0,
    then,
  };
  if (records.length === 0) {
    core.scheduleEvent(0, TRANSFORM.done, run);
    return;
  }
  startMore(run);
}

function finish(run: TransformRun): void {
  let ok = 0, dropped = 0, failed = 0;
  for (const o of run.outcomes) o.result === 'Ok' ? ok++ : o.result === 'Dropped' ? dropped++ : failed++;
  run.ctx.core.resume<TransformRunResult>(run.then, { outcomes: run.outcomes, invocations: run.invocations, ok, dropped, failed });
}

function attempt(run: TransformRun, start: number, end: number, attemptNo: number): void {
  const { ctx } = run;
  const core = ctx.core;
  run.invocations++;
  const ids = run.recordIds.slice(start, end);
  const event = buildTransformEvent(
    { invocationId: seededUuid(ctx.random), deliveryStreamArn: ctx.deliveryStreamArn, sourceKinesisStreamArn: ctx.sourceKinesisStreamArn, region: ctx.region ?? core.region },
    run.records.slice(start, end),
    ids,
  );
  const a: Attempt = { run, start, end, attemptNo, ids, answered: false };
  // Firehose stops waiting after 5 minutes, whatever the function's own Timeout [facts B5].
  a.guard = core.scheduleEvent(MAX_FIREHOSE_INVOCATION_MS, TRANSFORM.timeout, a);
  ctx.lambda.invoke(run.config.lambdaArn, event, { kind: TRANSFORM.invoked, payload: a });
}

/** The function answered attempt `a`. */
function answered(a: Attempt, r: InvokeResult): void {
  if (a.answered) return; // Firehose already gave up on this attempt.
  a.answered = true;
  if (a.guard !== undefined) a.guard.cancelled = true;
  if (!r.ok) return onFailure(a, r.errorType, r.functionError === 'Unhandled');
  const check = checkTransformResponse(r.payload, a.ids);
  if (!check.ok) return onFailure(a, '', false, check);
  const { run, start, attemptNo } = a;
  check.verdicts.forEach((v, k) => {
    const rec = run.records[start + k];
    if (v.result === 'Ok') run.outcomes[start + k] = v.partitionKeys ? { result: 'Ok', data: v.data, arrival: rec.arrival, partitionKeys: v.partitionKeys } : { result: 'Ok', data: v.data, arrival: rec.arrival };
    else if (v.result === 'Dropped') run.outcomes[start + k] = { result: 'Dropped', arrival: rec.arrival };
    else run.outcomes[start + k] = { result: 'ProcessingFailed', failure: failure(run, rec, RECORD_PROCESSING_FAILED.errorCode, RECORD_PROCESSING_FAILED.errorMessage, attemptNo) };
  });
  batchDone(run);
}

function onFailure(a: Attempt, errorType: string, functionError: boolean, code?: { errorCode: string; errorMessage: string }): void {
  const { run, start, end, attemptNo } = a;
  if (attemptNo <= run.config.numberOfRetries) {
    run.ctx.core.scheduleEvent(run.retryDelay, TRANSFORM.retry, { run, start, end, attemptNo: attemptNo + 1 });
    return;
  }
  const { errorCode, errorMessage } = code ?? invocationErrorCode(errorType, functionError);
  for (let i = start; i < end; i++) {
    run.outcomes[i] = { result: 'ProcessingFailed', failure: failure(run, run.records[i], errorCode, errorMessage, attemptNo) };
  }
  batchDone(run);
}

function failure(run: TransformRun, rec: TransformInputRecord, errorCode: string, errorMessage: string, attemptsMade: number): TransformFailure {
  return { raw: rec.data, arrival: rec.arrival, errorCode, errorMessage, attemptsMade, attemptEndingTimestamp: run.ctx.core.now(), lambdaArn: run.lambdaArn };
}

function startMore(run: TransformRun): void {
  while (run.running < run.limit && run.nextBatch < run.batches.length) {
    const [s, e] = run.batches[run.nextBatch++];
    run.running++;
    attempt(run, s, e, 1);
  }
}

function batchDone(run: TransformRun): void {
  run.running--;
  if (run.running === 0 && run.nextBatch >= run.batches.length) finish(run);
  else startMore(run);
}
