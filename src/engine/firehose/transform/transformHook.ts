/**
 * The adapter the delivery pipeline registers as ProcessingHooks.transform:
 * parses the Lambda processor, runs it with the stream's own invocation-id
 * generator and record-id serial (TransformRequest.state, kept by the
 * pipeline as plain data), and maps runTransform's outcomes onto the
 * pipeline's TransformOutcome (Ok records in order, failures for the error
 * prefix, a count of Dropped) before resuming the caller's continuation.
 */
import type { SimCore } from '../../core/simCore';
import type { Continuation } from '../../core/eventQueue';
import { createRandom } from '../../core/random';
import type { LambdaApi } from '../../lambda/lambdaService';
import type { TransformOutcome, TransformRequest, TransformStreamState } from '../processingHooks';
import { parseLambdaProcessor } from './processorParameters';
import { registerTransformEvents, runTransform, type TransformContext, type TransformRunResult } from './runTransform';

const MAPPED = 'firehose:transformMapped';

/** A stream's transform state, seeded from the simulation seed and the stream, so invocation ids do not shift other services' draws. */
export function newTransformState(seed: number | string, deliveryStreamArn: string): TransformStreamState {
  return { random: createRandom(`${seed}|firehose-transform:${deliveryStreamArn}`), recordSerial: { next: 1 } };
}

/** Makes the transform hook for a simulation (and registers the transform's events on its core, once). */
export function createTransformHook(sim: { core: SimCore; lambda: LambdaApi }): (req: TransformRequest, then: Continuation) => void {
  registerTransformEvents(sim.core);
  if (!sim.core.hasHandler(MAPPED)) sim.core.registerHandler<Continuation, TransformRunResult>(MAPPED, (then, result) => sim.core.resume(then, outcomeOf(result)));
  return (req, then) => {
    const config = parseLambdaProcessor(req.processor);
    const ctx: TransformContext = { core: sim.core, lambda: sim.lambda, random: req.state.random, recordSerial: req.state.recordSerial, deliveryStreamArn: req.deliveryStreamArn, region: req.region };
    if (req.sourceKinesisStreamArn !== undefined) ctx.sourceKinesisStreamArn = req.sourceKinesisStreamArn;
    runTransform(ctx, config, req.records, { kind: MAPPED, payload: then });
  };
}

function outcomeOf(result: TransformRunResult): TransformOutcome {
  const outcome: TransformOutcome = { ok: [], failed: [], dropped: 0 };
  for (const o of result.outcomes) {
    if (o.result === 'Ok') outcome.ok.push(o.partitionKeys ? { data: o.data, arrival: o.arrival, partitionKeys: o.partitionKeys } : { data: o.data, arrival: o.arrival });
    else if (o.result === 'Dropped') outcome.dropped++;
    else outcome.failed.push({ ...o.failure });
  }
  return outcome;
}
