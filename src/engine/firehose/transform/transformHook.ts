/**
 * The adapter the delivery pipeline registers as ProcessingHooks.transform:
 * parses the Lambda processor, keeps one seeded generator and record-id
 * serial per delivery stream, and maps runTransform's outcomes onto the
 * pipeline's TransformOutcome (Ok records in order, failures for the error
 * prefix, a count of Dropped).
 */
import type { SimCore } from '../../core/simCore';
import { createRandom } from '../../core/random';
import type { LambdaApi } from '../../lambda/lambdaService';
import type { TransformOutcome, TransformRequest } from '../processingHooks';
import { parseLambdaProcessor } from './processorParameters';
import { runTransform, type TransformContext } from './runTransform';

/** Makes the transform hook for a simulation. */
export function createTransformHook(sim: { core: SimCore; lambda: LambdaApi }): (req: TransformRequest, done: (outcome: TransformOutcome) => void) => void {
  const perStream = new Map<string, Pick<TransformContext, 'random' | 'recordSerial'>>();
  return (req, done) => {
    let s = perStream.get(req.deliveryStreamArn);
    if (!s) {
      // Seeded from the simulation seed and the stream, so invocation ids do not shift other services' draws.
      s = { random: createRandom(`${sim.core.seed}|firehose-transform:${req.deliveryStreamArn}`), recordSerial: { next: 1 } };
      perStream.set(req.deliveryStreamArn, s);
    }
    const config = parseLambdaProcessor(req.processor);
    const ctx: TransformContext = { core: sim.core, lambda: sim.lambda, ...s, deliveryStreamArn: req.deliveryStreamArn, region: req.region };
    if (req.sourceKinesisStreamArn !== undefined) ctx.sourceKinesisStreamArn = req.sourceKinesisStreamArn;
    runTransform(ctx, config, req.records, (result) => {
      const outcome: TransformOutcome = { ok: [], failed: [], dropped: 0 };
      for (const o of result.outcomes) {
        if (o.result === 'Ok') outcome.ok.push(o.partitionKeys ? { data: o.data, arrival: o.arrival, partitionKeys: o.partitionKeys } : { data: o.data, arrival: o.arrival });
        else if (o.result === 'Dropped') outcome.dropped++;
        else outcome.failed.push({ ...o.failure });
      }
      done(outcome);
    });
  };
}
