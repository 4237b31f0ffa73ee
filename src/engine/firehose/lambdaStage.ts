/**
 * The buffer in front of a Lambda transform: records are batched by the
 * processor's BufferSizeInMBs (0.2..3, default 1; 0.256 for Splunk) and
 * BufferIntervalInSeconds (0..900, default 60), as parseLambdaProcessor
 * resolves them for the stream's destination [BC-F ProcessorParameter; facts B5], then one
 * invocation batch goes to the transform hook. The hook answers through a
 * continuation (TRANSFORM_OUTCOME, handled by the pipeline) that the event
 * queue runs at the invocation's simulated end (a promise would deadlock
 * sim.advance; see ProcessingHooks.transform).
 */
import type { SimCore } from '../core/simCore';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import { BufferSet, type Batch } from './buffer';
import { param } from './s3DestinationConfig';
import type { ExactItem } from './bulkTypes';
import type { PipelineRecord, TransformOutcome, TransformStreamState } from './processingHooks';
import { newTransformState } from './transform/transformHook';
import type { DestinationKind } from './deliveryStreamModel';
import { parseLambdaProcessor } from './transform/processorParameters';
import type { LambdaStage } from './stageState';

export type { LambdaStage } from './stageState';

/** The continuation the transform's outcome comes back by (its handler is the pipeline's afterTransform). */
export const TRANSFORM_OUTCOME = 'firehose:transformOutcome';

const LAMBDA_FLUSHED = 'firehose:lambdaFlushed';

type StageOf = { ctx: FirehoseContext; st: DeliveryStreamState };

/** Registers the stage's flush continuation on `core` (once, when Firehose is built). */
export function registerLambdaStageEvents(core: SimCore): void {
  core.registerHandler<StageOf, Batch>(LAMBDA_FLUSHED, ({ ctx, st }, batch) => invoke(ctx, st, batch));
}

/** Batches the stream's records for its Lambda processor by BufferSizeInMBs / BufferIntervalInSeconds. */
export function createLambdaStage(ctx: FirehoseContext, st: DeliveryStreamState): LambdaStage {
  const cfg = parseLambdaProcessor(st.s3.lambda!, processorDestination(st.destinationKind));
  return new BufferSet(ctx.core, { sizeBytes: cfg.bufferSizeBytes, intervalMs: cfg.bufferIntervalMs }, { kind: LAMBDA_FLUSHED, payload: { ctx, st } satisfies StageOf }, `firehose:${st.name}:lambda`);
}

/** The destination class parseLambdaProcessor takes its BufferSizeInMBs default from (Splunk's is 0.256 MB) [facts B5]. */
export function processorDestination(kind: DestinationKind): 'S3' | 'Splunk' | 'Other' {
  return kind === 'ExtendedS3' ? 'S3' : kind === 'Splunk' ? 'Splunk' : 'Other';
}

function invoke(ctx: FirehoseContext, st: DeliveryStreamState, batch: Batch): void {
  const processor = st.s3.lambda!;
  const records: PipelineRecord[] = batch.items.map((it) => {
    const e = it as ExactItem;
    const r: PipelineRecord = { data: e.data, arrival: e.arrival };
    if (e.meta !== undefined) r.kinesisRecordMetadata = e.meta;
    return r;
  });
  const hook = ctx.hooks.transform;
  if (hook === undefined) {
    // No Lambda service is wired into this simulation: the invocation fails as for a missing function.
    const arn = param(processor, 'LambdaArn');
    const o: TransformOutcome = { ok: [], dropped: 0, failed: records.map((r) => ({ raw: r.data, arrival: r.arrival, errorCode: 'Lambda.FunctionNotFound', errorMessage: `Function not found: ${arn}`, attemptsMade: 1, lambdaArn: arn })) };
    ctx.core.resume({ kind: TRANSFORM_OUTCOME, payload: { ctx, st } satisfies StageOf }, o);
    return;
  }
  const src = st.source !== undefined ? ctx.kinesis.streams.get(st.source.streamName)?.arn : undefined;
  // One invocation-id generator and record-id serial per delivery stream ARN, kept in the context (plain data).
  const state = transformStateOf(ctx, st.arn);
  // The outcome comes back through the event queue at the invocation's simulated end.
  hook({ deliveryStreamArn: st.arn, sourceKinesisStreamArn: src, region: ctx.core.region, processor, records, state }, { kind: TRANSFORM_OUTCOME, payload: { ctx, st } satisfies StageOf });
}

/** The stream's transform state, seeded from the simulation seed and the stream, so invocation ids do not shift other services' draws. */
function transformStateOf(ctx: FirehoseContext, arn: string): TransformStreamState {
  let s = ctx.transformStates.get(arn);
  if (s === undefined) ctx.transformStates.set(arn, (s = newTransformState(ctx.core.seed, arn)));
  return s;
}
