/**
 * Runs the Firehose Lambda data transformation over a batch of records on the
 * simulated clock: split into invocations by BufferSizeInMBs and the 6 MB
 * limit, invoke (at most 5 at once, facts B5), check each response, retry a
 * failed invocation NumberOfRetries times, and after that fail its whole
 * batch [KDF-DG23 data-transformation]. `done` runs once, through the event
 * queue, when every invocation has finished, with one outcome per record in
 * input order.
 */
import type { Random } from '../../core/random';
import type { SimCore } from '../../core/simCore';
import type { InvokeResult } from '../../lambda/types';
import { splitIntoInvocations } from './batching';
import { invocationErrorCode, RECORD_PROCESSING_FAILED } from './processingFailedRecord';
import { MAX_CONCURRENT_INVOCATIONS, MAX_FIREHOSE_INVOCATION_MS, qualifiedLambdaArn, type LambdaProcessorConfig } from './processorParameters';
import { buildTransformEvent, recordIdFor, seededUuid, type TransformInputRecord } from './transformEvent';
import { checkTransformResponse } from './transformResponse';

/** What runTransform needs from the simulation and the delivery stream. */
export interface TransformContext {
  core: SimCore;
  lambda: { invoke(nameOrArn: string, event: unknown, onResult: (r: InvokeResult) => void): string };
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

/** Transforms `records`; `done` gets the per-record outcomes when the last invocation ends. */
export function runTransform(ctx: TransformContext, config: LambdaProcessorConfig, records: TransformInputRecord[], done: (result: TransformRunResult) => void): void {
  const { core } = ctx;
  const lambdaArn = qualifiedLambdaArn(config.lambdaArn);
  const outcomes: TransformRecordOutcome[] = new Array(records.length);
  const recordIds = records.map(() => recordIdFor(ctx.recordSerial.next++));
  const batches = splitIntoInvocations(records, config.bufferSizeBytes);
  const limit = ctx.maxConcurrentInvocations ?? MAX_CONCURRENT_INVOCATIONS;
  const retryDelay = ctx.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  let invocations = 0;
  let nextBatch = 0;
  let running = 0;

  const finish = () => {
    let ok = 0, dropped = 0, failed = 0;
    for (const o of outcomes) o.result === 'Ok' ? ok++ : o.result === 'Dropped' ? dropped++ : failed++;
    done({ outcomes, invocations, ok, dropped, failed });
  };
  if (records.length === 0) {
    core.schedule(0, 'firehose:transformDone', finish);
    return;
  }

  const attempt = (start: number, end: number, attemptNo: number) => {
    invocations++;
    const ids = recordIds.slice(start, end);
    const event = buildTransformEvent(
      { invocationId: seededUuid(ctx.random), deliveryStreamArn: ctx.deliveryStreamArn, sourceKinesisStreamArn: ctx.sourceKinesisStreamArn, region: ctx.region ?? core.region },
      records.slice(start, end),
      ids,
    );
    let answered = false;
    // Firehose stops waiting after 5 minutes, whatever the function's own Timeout [facts B5].
    const guard = core.schedule(MAX_FIREHOSE_INVOCATION_MS, 'firehose:transformTimeout', () => {
      if (answered) return;
      answered = true;
      onFailure('Firehose.InvocationTimeout', false);
    });
    const onFailure = (errorType: string, functionError: boolean, code?: { errorCode: string; errorMessage: string }) => {
      if (attemptNo <= config.numberOfRetries) {
        core.schedule(retryDelay, 'firehose:transformRetry', () => attempt(start, end, attemptNo + 1));
        return;
      }
      const { errorCode, errorMessage } = code ?? invocationErrorCode(errorType, functionError);
      for (let i = start; i < end; i++) {
        outcomes[i] = { result: 'ProcessingFailed', failure: failure(records[i], errorCode, errorMessage, attemptNo) };
      }
      batchDone();
    };
    ctx.lambda.invoke(config.lambdaArn, event, (r) => {
      if (answered) return; // Firehose already gave up on this attempt.
      answered = true;
      guard.cancelled = true;
      if (!r.ok) return onFailure(r.errorType, r.functionError === 'Unhandled');
      const check = checkTransformResponse(r.payload, ids);
      if (!check.ok) return onFailure('', false, check);
      check.verdicts.forEach((v, k) => {
        const rec = records[start + k];
        if (v.result === 'Ok') outcomes[start + k] = v.partitionKeys ? { result: 'Ok', data: v.data, arrival: rec.arrival, partitionKeys: v.partitionKeys } : { result: 'Ok', data: v.data, arrival: rec.arrival };
        else if (v.result === 'Dropped') outcomes[start + k] = { result: 'Dropped', arrival: rec.arrival };
        else outcomes[start + k] = { result: 'ProcessingFailed', failure: failure(rec, RECORD_PROCESSING_FAILED.errorCode, RECORD_PROCESSING_FAILED.errorMessage, attemptNo) };
      });
      batchDone();
    });
  };

  const failure = (rec: TransformInputRecord, errorCode: string, errorMessage: string, attemptsMade: number): TransformFailure => ({
    raw: rec.data,
    arrival: rec.arrival,
    errorCode,
    errorMessage,
    attemptsMade,
    attemptEndingTimestamp: core.now(),
    lambdaArn,
  });

  const startMore = () => {
    while (running < limit && nextBatch < batches.length) {
      const [s, e] = batches[nextBatch++];
      running++;
      attempt(s, e, 1);
    }
  };
  const batchDone = () => {
    running--;
    if (running === 0 && nextBatch >= batches.length) finish();
    else startMore();
  };
  startMore();
}
